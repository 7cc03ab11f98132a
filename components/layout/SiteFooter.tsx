/** The bottom bar: what the app is, and the privacy promise. */
export function SiteFooter() {
  return (
    <footer class="site-footer">
      <p>
        Band Web for the Xiaomi Mi Smart Band 4. Your history stays on this
        server: no cloud, no trackers.
      </p>
    </footer>
  );
}
