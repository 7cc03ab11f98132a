// Workouts as TCX: the document is well formed and carries, in the schema's
// order, every element TCX v2 requires, with a heart-rate track from the minutes.
import assert from "node:assert/strict";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import { buildTcx, pickTcxSport } from "../../lib/history/export_tcx.ts";
import { addBand, createApiTestApp, signUpOwner } from "./harness.ts";

const NOW = Date.UTC(2024, 5, 1, 12);
const START = Date.UTC(2024, 2, 30, 23, 50);

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** A strict little XML reader for the test: matched tags, or it throws. */
function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, "");
  const root: XmlNode = {
    name: "#root",
    attributes: {},
    children: [],
    text: "",
  };
  const stack = [root];
  const token =
    /<(\/?)([A-Za-z][\w:]*)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let at = 0;
  for (const m of body.matchAll(token)) {
    assert.equal(m.index, at, `unexpected markup at ${at}`);
    at += m[0].length;
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      top.text += m[5].trim();
    } else if (m[1] === "/") {
      assert.equal(top.name, m[2], `closing ${m[2]} inside ${top.name}`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const a of m[3].matchAll(/([\w:]+)="([^"]*)"/g)) {
        attributes[a[1]] = a[2];
      }
      const node = { name: m[2], attributes, children: [], text: "" };
      top.children.push(node);
      if (m[4] !== "/") stack.push(node);
    }
  }
  assert.equal(at, body.length, "trailing markup");
  assert.equal(stack.length, 1, "unclosed elements");
  assert.equal(root.children.length, 1);
  return root.children[0];
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  assert.ok(found, `${node.name} has no ${name}`);
  return found;
}

Deno.test("buildTcx() writes the elements TCX v2 requires, in the schema's order", () => {
  const doc = parseXml(buildTcx({
    type: 1,
    start: START,
    end: START + 1_800_000,
    distanceMeters: 5012.5,
    calories: 310.4,
    averageHeartRate: 141,
    maxHeartRate: 170,
    heartRates: [{ time: START, bpm: 120 }, { time: START + 60_000, bpm: 131 }],
  }));
  assert.equal(doc.name, "TrainingCenterDatabase");
  assert.equal(
    doc.attributes.xmlns,
    "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2",
  );
  const activity = child(child(doc, "Activities"), "Activity");
  assert.equal(activity.attributes.Sport, "Running");
  assert.deepEqual(activity.children.map((c) => c.name), ["Id", "Lap"]);
  assert.equal(child(activity, "Id").text, "2024-03-30T23:50:00.000Z");
  const lap = child(activity, "Lap");
  assert.equal(lap.attributes.StartTime, "2024-03-30T23:50:00.000Z");
  assert.deepEqual(lap.children.map((c) => c.name), [
    "TotalTimeSeconds",
    "DistanceMeters",
    "Calories",
    "AverageHeartRateBpm",
    "MaximumHeartRateBpm",
    "Intensity",
    "TriggerMethod",
    "Track",
  ]);
  assert.equal(child(lap, "TotalTimeSeconds").text, "1800");
  assert.equal(child(lap, "Calories").text, "310");
  const points = child(lap, "Track").children;
  assert.deepEqual(
    points.map((p) => [
      child(p, "Time").text,
      child(child(p, "HeartRateBpm"), "Value").text,
    ]),
    [["2024-03-30T23:50:00.000Z", "120"], ["2024-03-30T23:51:00.000Z", "131"]],
  );
});

Deno.test("pickTcxSport() names running and biking and calls the rest Other", () => {
  assert.equal(pickTcxSport(2), "Running");
  assert.equal(pickTcxSport(8), "Biking");
  assert.equal(pickTcxSport(0x3c), "Other");
});

Deno.test("[api] GET /api/bands/:id/workouts/:start.tcx downloads a workout with the minutes' heart rates", async () => {
  using t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t, "owner", "UTC");
  const bandId = await addBand(owner);
  // 20 minutes across midnight UTC; every fourth has no reading (255).
  const samples = Array.from({ length: 20 }, (_, i) => ({
    kind: 0x01,
    intensity: 40,
    steps: 90,
    heartRate: i % 4 === 3 ? 0xff : 100 + i,
  }));
  const up = await owner.request("POST", `/api/bands/${bandId}/samples`, {
    json: {
      batches: [{
        start: START,
        utcOffsetMinutes: 0,
        data: encodeSampleData(samples),
      }],
    },
  });
  assert.equal(up.status, 200);
  const stored = await owner.request(
    "POST",
    `/api/bands/${bandId}/readings/workouts`,
    {
      json: {
        readings: [{ time: START, end: START + 15 * 60_000, type: 4 }],
      },
    },
  );
  assert.equal(stored.status, 201);
  const res = await owner.request(
    "GET",
    `/api/bands/${bandId}/workouts/${START}.tcx`,
  );
  assert.equal(res.status, 200);
  assert.match(
    res.headers.get("Content-Type") ?? "",
    /^application\/vnd\.garmin\.tcx\+xml/,
  );
  const activity = child(
    child(parseXml(await res.text()), "Activities"),
    "Activity",
  );
  assert.equal(activity.attributes.Sport, "Biking");
  const lap = child(activity, "Lap");
  assert.equal(child(lap, "TotalTimeSeconds").text, "900");
  const bpms = child(lap, "Track").children.map((p) =>
    Number(child(child(p, "HeartRateBpm"), "Value").text)
  );
  const expected = samples.slice(0, 15).filter((s) => s.heartRate !== 0xff)
    .map((s) => s.heartRate);
  assert.deepEqual(bpms, expected);

  for (const path of [`${START + 60_000}.tcx`, `${START}.gpx`, "x.tcx"]) {
    const missing = await owner.request(
      "GET",
      `/api/bands/${bandId}/workouts/${path}`,
    );
    assert.equal(missing.status, 404, path);
    assert.match(
      missing.headers.get("Content-Type") ?? "",
      /application\/json/,
    );
    assert.match(
      (await missing.json()).error.message,
      /^Cannot find workout: /,
    );
  }
});
