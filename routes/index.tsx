import AddBandButton from "../islands/AddBandButton.tsx";
import { EmptyState } from "../components/EmptyState.tsx";

/** The home page: the person's bands, or how to add the first one. */
export default function HomePage() {
  return (
    <>
      <div class="page-heading">
        <h1>Your bands</h1>
      </div>
      <EmptyState title="No bands yet">
        <p>
          Add your Mi Smart Band 4 to see its status, sync its history to this
          server and change its settings from Chrome. You need the band's MAC
          address and its auth key.
        </p>
        <AddBandButton href="/devices/new" />
      </EmptyState>
    </>
  );
}
