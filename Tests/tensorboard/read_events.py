"""Reads the TensorBoard log of an expt results folder back with TensorBoard's own reader and
checks it against the folder's metrics.csv and summary.csv. Run by Tests/tensorboard/run.sh:

    python read_events.py RESULTS_FOLDER

For every stored run (runs/<id>/config.json), its folder under tensorboard/ (variant, sweep
point, seed) must hold, read by tensorboard.backend.event_processing.event_accumulator:
- one scalar event per (metric, step) of the run's rows in metrics.csv, its value the CSV's
  value rounded to float32, and no other scalar but test_loss and test_accuracy, which equal
  summary.csv's at the run's last step;
- the hparams plugin's session start, whose hyperparameters hold the variant, the seed, the
  optimizer, lr and each swept setting with the run's values, and its session end (success).
The log's own folder must hold the hparams experiment naming those hyperparameters and metrics.
Prints one line per failed check, then "N passed, M failed"; exits 1 when a check failed.
"""

import csv
import json
import os
import struct
import sys

from tensorboard.backend.event_processing import event_accumulator
from tensorboard.plugins.hparams import api_pb2, metadata

folder = sys.argv[1]
log = os.path.join(folder, "tensorboard")
passed = 0
failures = []


def check(condition, message):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(message)


def float32(text):
    return struct.unpack("f", struct.pack("f", float(text)))[0]


def typed(text):
    """A swept value as the session holds it: a number, a bool, or the text."""
    try:
        return float(text)
    except ValueError:
        return {"true": True, "false": False}.get(text, text)


def accumulator(path):
    loaded = event_accumulator.EventAccumulator(path, size_guidance={event_accumulator.SCALARS: 0,
                                                                    event_accumulator.TENSORS: 0})
    loaded.Reload()
    return loaded


with open(os.path.join(folder, "metrics.csv"), newline="") as file:
    metric_rows = list(csv.DictReader(file))
with open(os.path.join(folder, "summary.csv"), newline="") as file:
    summary_rows = {row["run_id"]: row for row in csv.DictReader(file)}

runs = {}
for run_id in sorted(os.listdir(os.path.join(folder, "runs"))):
    with open(os.path.join(folder, "runs", run_id, "config.json")) as file:
        config = json.load(file)
    point = ",".join(f"{setting['keyPath']}={setting['value']}" for setting in config["sweep"])
    name = "/".join([config["variant"]] + ([point] if point else []) + [f"seed-{config['seed']}"])
    runs[run_id] = (name, config)

found = sorted(os.path.relpath(root, log) for root, _, files in os.walk(log) if any("tfevents" in f for f in files))
check(found == sorted([name for name, _ in runs.values()] + ["."]),
      f"the run folders are {found}, expected those of {sorted(name for name, _ in runs.values())} and the log's own")

swept_names = set()
for run_id, (name, config) in sorted(runs.items()):
    events = accumulator(os.path.join(log, name))
    scalar_tags = events.Tags()["scalars"]
    rows = [row for row in metric_rows if row["run_id"] == run_id]
    summary = summary_rows[run_id]
    check(rows or summary["status"] != "complete", f"{name}: metrics.csv has no row of the complete run {run_id}")
    for row in rows:
        values = {event.step: event.value for event in events.Scalars(row["metric"])} if row["metric"] in scalar_tags else {}
        step = int(row["step"])
        check(step in values and values[step] == float32(row["value"]),
              f"{name}: {row['metric']} at step {step} is {values.get(step)}, metrics.csv says {row['value']}")
    last_step = max((int(row["step"]) for row in rows), default=0)
    tests = [tag for tag in ("test_loss", "test_accuracy") if summary.get(tag)]
    for tag in tests:
        values = [(event.step, event.value) for event in events.Scalars(tag)] if tag in scalar_tags else []
        check(values == [(last_step, float32(summary[tag]))], f"{name}: {tag} is {values}, summary.csv says {summary[tag]}")
    expected_tags = sorted({row["metric"] for row in rows} | set(tests))
    check(sorted(scalar_tags) == expected_tags, f"{name}: the scalar tags are {sorted(scalar_tags)}, expected {expected_tags}")
    for tag in scalar_tags:
        count = sum(1 for row in rows if row["metric"] == tag) or 1
        check(len(events.Scalars(tag)) == count, f"{name}: {len(events.Scalars(tag))} events of {tag}, expected {count}")

    content = events.PluginTagToContent(metadata.PLUGIN_NAME)
    start = metadata.parse_session_start_info_plugin_data(content[metadata.SESSION_START_INFO_TAG])
    hparams = {key: value.WhichOneof("kind") and getattr(value, value.WhichOneof("kind")) for key, value in start.hparams.items()}
    # summary.csv's optimizer is the name (`chain`); the hparam is the report's label (`chain [scale_by_adam, …]`).
    check(str(hparams.get("optimizer", "")).split(" ")[0] == summary["optimizer"],
          f"{name}: the session's optimizer is {hparams.get('optimizer')}, summary.csv says {summary['optimizer']}")
    expected = {"variant": config["variant"], "seed": float(config["seed"])}
    if summary["lr"]:  # empty for an optimizer whose lr is its base optimizer's (sam)
        expected["lr"] = float(summary["lr"])
    for setting in config["sweep"]:
        expected[setting["keyPath"]] = typed(setting["value"])
        swept_names.add(setting["keyPath"])
    check({key: hparams.get(key) for key in expected} == expected, f"{name}: the session's hparams are {hparams}, expected {expected}")
    end = metadata.parse_session_end_info_plugin_data(content[metadata.SESSION_END_INFO_TAG])
    status = {"complete": api_pb2.STATUS_SUCCESS, "diverged": api_pb2.STATUS_FAILURE,
              "failed": api_pb2.STATUS_FAILURE}.get(summary["status"], api_pb2.STATUS_UNKNOWN)
    check(end.status == status, f"{name}: the session ended with status {end.status}, summary.csv says {summary['status']}")

root = accumulator(log)
experiment = metadata.parse_experiment_plugin_data(root.PluginTagToContent(metadata.PLUGIN_NAME)[metadata.EXPERIMENT_TAG])
hparam_names = [info.name for info in experiment.hparam_infos]
check({"variant", "seed", "optimizer", "lr"} | swept_names <= set(hparam_names),
      f"the experiment's hyperparameters are {hparam_names}")
metric_tags = [info.name.tag for info in experiment.metric_infos]
# The HPARAMS table's columns: every metric but the learning rate (a hyperparameter) and the
# per-layer statistics (three a layer: scalars of their own, not columns to compare runs by).
expected_metrics = sorted(({row["metric"] for row in metric_rows if not row["metric"].startswith("layer_")} - {"lr"})
                          | {tag for tag in ("test_loss", "test_accuracy") if any(row.get(tag) for row in summary_rows.values())})
check(sorted(metric_tags) == expected_metrics, f"the experiment's metrics are {metric_tags}, expected {expected_metrics}")

for failure in failures:
    print("FAIL: " + failure)
print(f"tensorboard: {passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
