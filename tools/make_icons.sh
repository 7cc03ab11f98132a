#!/usr/bin/env bash
# Renders the app icon's PNG sizes (for the web app manifest) from
# static/icons/icon.svg. The PNGs are committed, so neither the build nor CI
# needs this; run it after changing the SVG. Needs rsvg-convert (Debian:
# apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../static/icons"
for size in 192 512; do
  rsvg-convert --width "$size" --height "$size" icon.svg --output "icon-$size.png"
done
ls -l icon-*.png
