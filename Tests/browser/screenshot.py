"""Screenshot of report.html's first interactive chart, with the pointer over it (its tooltip
shown), through Chromium's DevTools protocol over --remote-debugging-pipe; only Python's
standard library. Used by Tests/browser/run.sh (headless Chromium's own --screenshot cannot
scroll: with a #fragment it captures a blank page).

    python3 Tests/browser/screenshot.py CHROMIUM PAGE_URL OUT_PNG PROFILE_DIR

Writes OUT_PNG, 1200x900 pixels; exits 1 with a message when the browser fails.
"""
import base64
import json
import os
import subprocess
import sys


def main():
    browser, url, out, profile = sys.argv[1:5]
    to_browser_read, to_browser_write = os.pipe()
    from_browser_read, from_browser_write = os.pipe()

    def child_fds():
        # The browser reads commands on fd 3 and writes replies on fd 4.
        os.dup2(to_browser_read, 3)
        os.dup2(from_browser_write, 4)

    process = subprocess.Popen(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
        pass_fds=(3, 4), preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(to_browser_read)
    os.close(from_browser_write)
    writer = os.fdopen(to_browser_write, "wb")
    reader = os.fdopen(from_browser_read, "rb")
    buffered = b""
    next_id = 0

    def send(method, params=None, session=None):
        nonlocal buffered, next_id
        next_id += 1
        message = {"id": next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        writer.write(json.dumps(message).encode() + b"\0")
        writer.flush()
        while True:
            while b"\0" not in buffered:
                chunk = reader.read1(65536)
                if not chunk:
                    raise SystemExit("screenshot: the browser closed the pipe during " + method)
                buffered += chunk
            raw, buffered = buffered.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == next_id:
                if "error" in reply:
                    raise SystemExit("screenshot: %s: %s" % (method, reply["error"]))
                return reply.get("result", {})

    try:
        target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        send("Emulation.setDeviceMetricsOverride",
             {"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
        send("Page.navigate", {"url": url}, session)
        script = """new Promise(done => {
            const ready = () => {
              const figure = document.querySelector('figure.chart[data-drawn]');
              if (!figure) return setTimeout(ready, 50);
              window.scrollTo(0, figure.getBoundingClientRect().top + window.scrollY - 16);
              const plot = figure.querySelector('svg.plot').getBoundingClientRect();
              done([plot.left + plot.width * 0.42, plot.top + plot.height * 0.45]);
            };
            ready();
        })"""
        point = send("Runtime.evaluate", {"expression": script, "awaitPromise": True, "returnByValue": True},
                     session)["result"]["value"]
        send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": point[0], "y": point[1]}, session)
        shot = send("Page.captureScreenshot", {"format": "png"}, session)
        with open(out, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        send("Browser.close")
    finally:
        process.wait(timeout=30) if process.poll() is not None else process.kill()


if __name__ == "__main__":
    main()
