#!/usr/bin/python3
"""Probes the lstm-lab kernel with what a careless or hostile peer may send on its sockets, and with the
requests whose replies the messaging specification (5.3/5.4) fixes, and prints what came back as one
JSON object on a line starting with RESULT (KernelProtocolProbesIT asserts on it).

Raw frames go through a DEALER socket of our own on the shell port, signed with the connection file's
key by jupyter_client's Session (or signed wrongly on purpose); everything else goes through
jupyter_client's blocking client. After each bad message a well-formed execute_request must still run.
"""
import json
import sys
import time
import uuid

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

import kernel_messages  # src/main/python, on PYTHONPATH

TIMEOUT = 120
QUIET = 2.0  # seconds a dropped message is given to (wrongly) answer


def main():
    km = KernelManager(kernel_name="lstm-lab")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    info = km.get_connection_info(session=False)
    session = Session(key=info["key"] if isinstance(info["key"], bytes) else info["key"].encode(),
                      signature_scheme=info["signature_scheme"])
    context = zmq.Context.instance()
    raw = context.socket(zmq.DEALER)
    raw.setsockopt(zmq.LINGER, 0)
    raw.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    results = {}

    def frames_of(msg_type, content, header=None):
        head = header if header is not None else {
            "msg_id": uuid.uuid4().hex, "session": session.session, "username": "probe",
            "date": "2026-12-07T00:00:00.000000Z", "msg_type": msg_type, "version": "5.3"}
        parts = [json.dumps(head).encode(), b"{}", b"{}",
                 content if isinstance(content, bytes) else json.dumps(content).encode()]
        return head, parts

    def send_raw(parts, signature=None):
        sig = session.sign(parts) if signature is None else signature
        raw.send_multipart([b"<IDS|MSG>", sig] + parts)

    def raw_replies(seconds=QUIET, until_one=False):
        """Every message that comes back on the raw socket within the given time (or until the first)."""
        got = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not (until_one and got):
            if raw.poll(int(max(1, (deadline - time.monotonic()) * 1000))):
                frames = raw.recv_multipart()
                at = frames.index(b"<IDS|MSG>")
                got.append({"header": json.loads(frames[at + 2]), "parent": json.loads(frames[at + 3]),
                            "content": json.loads(frames[at + 5])})
        return got

    def iopub_of(msg_id, seconds):
        """The IOPub messages whose parent is msg_id, until its idle status or the time is up."""
        found = kernel_messages.iopub_of(kc, msg_id, seconds)
        return [{"msg_type": m["msg_type"], "content": m["content"]} for m in found]

    def shell_reply(msg_id):
        return kernel_messages.shell_reply(kc, msg_id, TIMEOUT)

    def request(msg_id):
        """A request sent through the client: its shell reply (type and content) and its IOPub messages."""
        reply = shell_reply(msg_id)
        return {"reply_type": reply and reply["msg_type"], "reply": reply and reply["content"],
                "iopub": iopub_of(msg_id, 10)}

    def still_serving():
        """Whether a well-formed execute_request still runs: its result's text, or the failure."""
        msg_id = kc.execute("6 * 7")
        reply = shell_reply(msg_id)
        out = iopub_of(msg_id, 30)
        shown = [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"]
        return (reply["content"]["status"] if reply else "no reply") + " " + ",".join(shown)

    def probe(name, parts, signature=None, extra_frames=(), answered=False):
        """Sends raw frames; waits QUIET seconds for a reply, or (answered) until one comes."""
        head = json.loads(parts[0]) if parts[0][:1] == b"{" else {}
        sig = session.sign(parts) if signature is None else signature
        raw.send_multipart([b"<IDS|MSG>", sig] + parts + list(extra_frames))
        replies = raw_replies(TIMEOUT, until_one=True) if answered else raw_replies()
        iopub = iopub_of(head.get("msg_id", "-"), 5 if answered else 1) if isinstance(head, dict) else []
        results[name] = {"replies": replies, "iopub": iopub, "after": still_serving()}

    code = {"code": "6 * 7", "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}
    results["baseline"] = still_serving()

    # ---- signatures
    _, parts = frames_of("execute_request", code)
    probe("wrong signature", parts, signature=b"0" * 64)
    _, parts = frames_of("execute_request", code)
    probe("no signature", parts, signature=b"")
    _, parts = frames_of("kernel_info_request", {})
    send_raw(parts)
    first = raw_replies()
    send_raw(parts)  # the same bytes again: a replay
    results["replay"] = {"first": first, "second": raw_replies(), "after": still_serving()}

    # ---- malformed input
    probe("not json", [b"this is not json", b"{}", b"{}", b"{}"])
    _, parts = frames_of("execute_request", code, header={"msg_id": uuid.uuid4().hex, "session": "s"})
    probe("header without msg_type", parts)
    _, parts = frames_of("execute_request", ["print", 1])
    probe("content a list", parts)
    _, parts = frames_of("execute_request", dict(code, code=42))
    probe("code a number", parts)
    _, parts = frames_of("execute_request", dict(code, silent="yes please"))
    probe("silent a string", parts)
    _, parts = frames_of("execute_request", code)
    probe("content split across two frames", parts[:3] + [parts[3][:10]], extra_frames=[parts[3][10:]])
    _, parts = frames_of("frobnicate_request", {"x": 1})
    probe("unknown request", parts)
    _, parts = frames_of("execute_request", b"\xff\xfe{\"code\": \"1\"}")
    probe("content not utf-8", parts)
    _, parts = frames_of("execute_request", code)
    probe("too few frames", parts[:2])
    for megabytes in (1, 8):
        big = dict(code, code="// " + "x" * (megabytes * 1_000_000) + "\n6 * 7")
        _, parts = frames_of("execute_request", big)
        probe(f"{megabytes} MB cell", parts, answered=True)
    _, parts = frames_of("comm_msg", {"comm_id": "no-such-comm", "data": {"method": "update"}})
    probe("comm_msg for an unknown comm", parts)
    _, parts = frames_of("execute_request", code)
    probe("a message with buffers", parts, extra_frames=[b"\x00\x01\x02", b"buffer two"], answered=True)

    # ---- replies per specification, busy/idle around each
    results["kernel_info"] = request(kc.kernel_info())
    text = 'String sigma = "\U0001d70e\U0001F600"; sigma.len'
    results["complete non-BMP"] = dict(request(kc.complete(text, len(text))), cursor=len(text))
    results["inspect"] = request(kc.inspect("Math.max(", 9, detail_level=0))
    results["history"] = request(kc.history(hist_access_type="tail", n=2, raw=True, output=False))
    results["is_complete"] = request(kc.is_complete("for (int i = 0; i < 3; i++) {"))
    results["comm_info"] = request(kc.comm_info(target_name="jupyter.widget"))
    results["execute"] = request(kc.execute('System.out.println("out");\n"value"'))
    results["allow_stdin false"] = request(kc.execute("new java.util.Scanner(System.in).nextLine()",
                                                      allow_stdin=False, stop_on_error=False))

    # ---- comms
    comm_id = uuid.uuid4().hex
    opened = kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}})
    kc.shell_channel.send(opened)
    results["comm_open unknown target"] = {"iopub": iopub_of(opened["header"]["msg_id"], 10),
                                           "comm_id": comm_id, "after": still_serving()}

    # ---- control and heartbeat
    spinning = kc.execute("long spins = 0;\nwhile (true) { spins++; }", stop_on_error=False)
    time.sleep(3)
    interrupted_at = time.monotonic()
    results["interrupt_request"] = control(kc, "interrupt_request", {})
    stopped = shell_reply(spinning)
    results["interrupted while(true)"] = {"reply": stopped and stopped["content"],
                                          "seconds": time.monotonic() - interrupted_at}
    results["debug_request"] = control(kc, "debug_request", {"seq": 1, "type": "request", "command": "initialize",
                                                               "arguments": {"adapterID": "probe"}})
    results["unknown control request"] = control(kc, "frobnicate_request", {}, wait=QUIET)
    results["after control probes"] = still_serving()
    results["heartbeat"] = heartbeat(context, info)
    results["shutdown restart"] = control(kc, "shutdown_request", {"restart": True})
    kc.stop_channels()
    raw.close()
    km.shutdown_kernel(now=True)
    print("RESULT " + json.dumps(results), flush=True)
    return 0


def control(kc, msg_type, content, wait=30):
    """A control request's reply (type and content)."""
    reply = kernel_messages.control_reply(kc, msg_type, content, wait)
    return {"reply_type": reply and reply["msg_type"], "reply": reply and reply["content"]}


def heartbeat(context, info):
    """What the heartbeat socket sends back for a ping of our own bytes."""
    socket = context.socket(zmq.REQ)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
    socket.send(b"ping \xf0\x9f\x92\x93")
    echoed = socket.recv() if socket.poll(5000) else b""
    socket.close()
    return echoed.decode("utf-8", "replace")


if __name__ == "__main__":
    sys.exit(main())
