import { useEffect, useRef } from "preact/hooks";
import { CHART_MARGIN, CHART_WIDTH } from "../components/charts/chart_frame.ts";
import {
  type ChartDetailSpec,
  decodeRuns,
  findSlotAtX,
  findSlotCentre,
  formatDetail,
  snapToValue,
  stepSlot,
  toViewBoxX,
} from "../lib/history/chart_details.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

interface Tip {
  layer: HTMLElement;
  box: HTMLElement;
  /** The chart whose details show now, so another chart's blur leaves it alone. */
  owner: string | null;
}

/**
 * Hover, tap and keyboard details for the history charts the server drew: a
 * guide line in the SVG and one shared tooltip. Without JavaScript the charts
 * stay exactly as rendered.
 */
export default function ChartDetails(props: { charts: ChartDetailSpec[] }) {
  const layer = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!layer.current || !box.current) return;
    const tip: Tip = { layer: layer.current, box: box.current, owner: null };
    const detach = props.charts.map((spec) => attachDetails(spec, tip));
    return () => detach.forEach((d) => d());
  }, []);
  return (
    <div class="chart-details-layer" ref={layer}>
      <div
        class="chart-details"
        ref={box}
        role="status"
        aria-live="polite"
      />
    </div>
  );
}

// Wires one server-rendered chart; returns what undoes it.
function attachDetails(spec: ChartDetailSpec, tip: Tip): () => void {
  const svg = document.getElementById(spec.target)?.querySelector<
    SVGSVGElement
  >("svg.chart-svg");
  if (!svg) return () => {};
  const values = decodeRuns(spec.runs);
  if (values.length === 0) return () => {};
  const plot = {
    left: CHART_MARGIN.left,
    right: CHART_WIDTH - CHART_MARGIN.right,
    count: values.length,
  };
  const height = svg.viewBox.baseVal.height;
  const guide = document.createElementNS(SVG_NS, "line");
  guide.setAttribute("class", "chart-guide");
  guide.setAttribute("y1", String(CHART_MARGIN.top));
  guide.setAttribute("y2", String(height - CHART_MARGIN.bottom));
  guide.setAttribute("stroke", "currentColor");
  guide.setAttribute("visibility", "hidden");
  guide.setAttribute("aria-hidden", "true");
  svg.append(guide);
  svg.setAttribute("tabindex", "0");
  svg.classList.add("chart-svg-interactive");
  const big = spec.axis.kind === "minutes" ? 60 : 7;
  let slot: number | null = null;

  function show(next: number) {
    slot = next;
    tip.owner = spec.target;
    const x = findSlotCentre(next, plot);
    guide.setAttribute("x1", String(x));
    guide.setAttribute("x2", String(x));
    guide.setAttribute("visibility", "visible");
    tip.box.textContent = formatDetail(spec, next, values[next]);
    tip.box.dataset.chart = spec.target;
    placeTip(svg!, tip, x);
  }

  function hide() {
    guide.setAttribute("visibility", "hidden");
    if (tip.owner !== spec.target) return;
    tip.owner = null;
    tip.box.textContent = "";
    delete tip.box.dataset.chart;
  }

  function onPointer(event: PointerEvent) {
    const rect = svg!.getBoundingClientRect();
    const x = toViewBoxX(event.clientX, rect, CHART_WIDTH);
    const at = findSlotAtX(x, plot);
    show(spec.snap ? snapToValue(values, at, spec.snap) : at);
  }

  function onLeave(event: PointerEvent) {
    if (event.pointerType === "mouse" && document.activeElement !== svg) {
      hide();
    }
  }

  function onFocus() {
    const first = values.findIndex((v) => v !== null);
    show(slot ?? Math.max(first, 0));
  }

  function onKey(event: KeyboardEvent) {
    const from = slot ?? 0;
    const sparse = spec.snap !== undefined;
    const moves: Record<string, number> = {
      ArrowRight: event.shiftKey ? big : 1,
      ArrowLeft: event.shiftKey ? -big : -1,
      PageDown: big,
      PageUp: -big,
    };
    let next: number | null = null;
    if (event.key in moves) {
      next = stepSlot(values, from, { delta: moves[event.key], sparse });
    } else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = values.length - 1;
    else if (event.key === "Escape") {
      hide();
      return;
    } else return;
    event.preventDefault();
    show(next);
  }

  svg.addEventListener("pointermove", onPointer);
  svg.addEventListener("pointerdown", onPointer);
  svg.addEventListener("pointerleave", onLeave);
  svg.addEventListener("focus", onFocus);
  svg.addEventListener("blur", hide);
  svg.addEventListener("keydown", onKey);
  return () => {
    svg.removeEventListener("pointermove", onPointer);
    svg.removeEventListener("pointerdown", onPointer);
    svg.removeEventListener("pointerleave", onLeave);
    svg.removeEventListener("focus", onFocus);
    svg.removeEventListener("blur", hide);
    svg.removeEventListener("keydown", onKey);
    guide.remove();
  };
}

// Puts the tooltip above the chart, centred on the guide but kept inside the
// chart's width, in coordinates of the layer it is absolutely positioned in.
function placeTip(svg: SVGSVGElement, tip: Tip, x: number) {
  const chart = svg.getBoundingClientRect();
  const layer = tip.layer.getBoundingClientRect();
  const width = tip.box.offsetWidth;
  const centre = chart.left + (x / CHART_WIDTH) * chart.width;
  const left = Math.min(
    Math.max(centre - width / 2, chart.left),
    chart.right - width,
  );
  const top = chart.top - tip.box.offsetHeight - 4;
  tip.box.style.setProperty("left", `${Math.round(left - layer.left)}px`);
  tip.box.style.setProperty("top", `${Math.round(top - layer.top)}px`);
}
