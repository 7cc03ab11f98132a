// Settings cards start from the settings the server rendered into the page.
// A page opened from this browser's saved copy, or with changes still queued
// for the server, knows newer ones: the cards then start again from those.
import type { ComponentType, VNode } from "preact";
import type { BandSettings } from "../../../lib/api/band_schemas.ts";
import { keptSettings } from "../../../lib/state/offline_signals.ts";

/** Wraps a settings card so it starts from the kept settings once they are known. */
export function withKeptSettings<P extends { settings: BandSettings }>(
  Card: ComponentType<P>,
): (props: P) => VNode {
  return function KeptSettingsCard(props: P): VNode {
    const kept = keptSettings.value;
    return kept
      ? <Card key={kept.generation} {...props} settings={kept.settings} />
      : <Card key={0} {...props} />;
  };
}
