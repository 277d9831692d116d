"""The reference bytes of TensorBoardEncodingTests, made by TensorBoard's own Python code.

Run it with the `tensorboard` package installed (no TensorFlow needed):

    python3 -m venv /tmp/tb && /tmp/tb/bin/pip install tensorboard
    /tmp/tb/bin/python Tests/tensorboard/reference_bytes.py

It prints, as hexadecimal, the CRC-32C and masked CRC-32C of b"123456789" and whole TFRecord
records (written by tensorboard.summary.writer.record_writer.RecordWriter) of: a file-version
event, a scalar event, an hparams session start, an hparams session end and an hparams
experiment (built by tensorboard.plugins.hparams.summary_v2, as a Python user would). The
tests compare expt's encoding of the same messages with these bytes. Protobuf messages are
serialized with deterministic=True by protobuf's pure-Python implementation, which orders map
entries by key, as expt writes them (the default upb implementation does not order them).
"""

import io
import os

os.environ["PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION"] = "python"

from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import crc32c, masked_crc32c
from tensorboard.plugins.hparams import api_pb2, metadata, plugin_data_pb2
from tensorboard.plugins.hparams import summary_v2 as hp
from tensorboard.summary.writer.record_writer import RecordWriter

START = 1764763200.25


def record(event):
    buffer = io.BytesIO()
    RecordWriter(buffer).write(event.SerializeToString(deterministic=True))
    return buffer.getvalue().hex()


def show(name, text):
    print(f"{name}: {text}")


show("crc32c(123456789)", "%08x" % crc32c(b"123456789"))
show("masked_crc32c(123456789)", "%08x" % masked_crc32c(b"123456789"))

show("file version", record(event_pb2.Event(wall_time=START, file_version="brain.Event:2")))

scalars = summary_pb2.Summary(value=[
    summary_pb2.Summary.Value(tag="train_loss", simple_value=0.25),
    summary_pb2.Summary.Value(tag="val_accuracy", simple_value=0.8125),
    summary_pb2.Summary.Value(tag="lr", simple_value=0.0),
])
show("scalars", record(event_pb2.Event(wall_time=START + 1.5, step=40, summary=scalars)))

start = hp.hparams_pb({"variant": "adam", "optimizer": "adam", "lr": 0.001, "seed": 0, "nesterov": False},
                      trial_id="", start_time_secs=START)
show("session start", record(event_pb2.Event(wall_time=START, summary=start)))

end = hp._summary_pb(metadata.SESSION_END_INFO_TAG, plugin_data_pb2.HParamsPluginData(
    session_end_info=plugin_data_pb2.SessionEndInfo(status=api_pb2.STATUS_SUCCESS, end_time_secs=START + 2)))
show("session end", record(event_pb2.Event(wall_time=START + 2, step=40, summary=end)))

experiment = hp.hparams_config_pb(
    hparams=[hp.HParam("optimizer", hp.Discrete(["adam", "sgd"])),
             hp.HParam("lr", hp.RealInterval(0.001, 0.1)),
             hp.HParam("nesterov", hp.Discrete([False, True]))],
    metrics=[hp.Metric("train_loss", dataset_type=hp.Metric.TRAINING),
             hp.Metric("val_accuracy", dataset_type=hp.Metric.VALIDATION),
             hp.Metric("seconds")],
    time_created_secs=START)
# expt also names and describes the experiment, which summary_v2 leaves to the caller.
content = plugin_data_pb2.HParamsPluginData.FromString(experiment.value[0].metadata.plugin_data.content)
content.experiment.name = "adam-vs-sgd"
content.experiment.description = "Adam against SGD."
experiment.value[0].metadata.plugin_data.content = content.SerializeToString(deterministic=True)
show("experiment", record(event_pb2.Event(wall_time=START, summary=experiment)))
