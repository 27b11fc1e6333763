"""Run the test suite's loopback provider (tests/loopback.py) for the VS Code end-to-end test and
write what it received to a JSON file as requests arrive, so the test can check the keys that
reached the provider and compute the exact expected cost from the usage the provider reported.

    python vscode-client/test/loopback_recorder.py --repo REPO --out recorded.json

Prints ``LOOPBACK http://127.0.0.1:PORT`` like ``python -m tests.loopback``; stops on SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading

EXPLANATION = (
    "## What it does\n\n"
    "`dedent()` removes any common leading whitespace from every line in `text`.\n\n"
    "- Lines that consist solely of whitespace are normalised to a newline.\n"
    "- Tabs and spaces are **not** treated as equal.\n\n"
    "```python\n"
    "dedent('    hello\\n      world\\n')  # -> 'hello\\n  world\\n'\n"
    "```\n\n"
    "LOOPBACK-EXPLANATION-END\n"
)
COMPLETION = "return lines"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True, help="repository root (holds tests/loopback.py)")
    ap.add_argument("--out", required=True, help="JSON file to (re)write with the recorded requests")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    sys.path.insert(0, args.repo)
    from tests.loopback import Loopback  # noqa: E402

    lb = Loopback("127.0.0.1", args.port, default_text=COMPLETION)
    # The frontier (Anthropic) answers explanations, streamed in small pieces so the panel visibly
    # streams; the mini model (OpenAI) answers completions.
    # Slow enough that a loaded machine still sees partial text in the panel before the end.
    lb.reply(EXPLANATION, api="anthropic", chunk_delay=0.12)
    lb.start()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print(f"LOOPBACK {lb.url}", flush=True)

    last = None
    while True:
        done = stop.wait(0.1)
        reqs = list(lb.requests)
        rows = [
            {
                "index": r.index,
                "method": r.method,
                "path": r.path,
                "api": r.api,
                "model": r.model,
                "stream": r.stream,
                "status": r.status,
                "usage": r.usage,
                "finished": r.finished,
                "closedEarly": r.closed_early,
                "authorization": r.headers.get("authorization"),
                "xApiKey": r.headers.get("x-api-key"),
                "replyText": r.reply_text,
                "promptChars": len(r.prompt_text or ""),
            }
            for r in reqs
        ]
        blob = json.dumps(rows, indent=1)
        if blob != last:
            tmp = args.out + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(blob)
            os.replace(tmp, args.out)
            last = blob
        if done:
            break
    lb.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
