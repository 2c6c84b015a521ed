"""Waiting for a Jupyter kernel's messages through jupyter_client's blocking client: the IOPub messages a request
caused, up to the kernel's idle status, and the reply to a request on the shell or control channel. Messages of
other requests that come meanwhile are passed over.

Used by widget_redraw.py (./lab bench) and by the protocol scripts of src/test/resources/kernel (kernel_probes.py,
kernel_protocol.py, kernel_widgets.py), which find it on PYTHONPATH (the tests' Jupyter puts this folder there).
"""
import queue
import time


def is_idle(message):
    """Whether an IOPub message is the kernel's status "idle"."""
    return message["msg_type"] == "status" and message["content"]["execution_state"] == "idle"


def iopub_of(kc, msg_id, seconds, poll=0.1, meanwhile=None):
    """Yields each IOPub message whose parent is msg_id, the idle status last, as it arrives; stops there or when
    seconds have passed. meanwhile, if given, is called before each wait for a message (e.g. to answer input)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if meanwhile is not None:
            meanwhile()
        try:
            message = kc.get_iopub_msg(timeout=poll)
        except queue.Empty:
            continue
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        yield message
        if is_idle(message):
            return


def until_idle(kc, msg_id, seconds, poll=0.1):
    """Yields each IOPub message whose parent is msg_id until the kernel is idle again (the idle status itself not
    yielded); raises TimeoutError if it is not idle within seconds."""
    for message in iopub_of(kc, msg_id, seconds, poll):
        if is_idle(message):
            return
        yield message
    raise TimeoutError(f"no idle after {msg_id}")


def reply_to(get, msg_id, seconds):
    """The reply whose parent is msg_id from a channel's get (e.g. kc.get_shell_msg), or None after seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            reply = get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply
    return None


def shell_reply(kc, msg_id, seconds):
    """The shell channel's reply to msg_id, or None after seconds."""
    return reply_to(kc.get_shell_msg, msg_id, seconds)


def shell_content(kc, msg_id, seconds):
    """The content of the shell channel's reply to msg_id; raises TimeoutError if none comes within seconds."""
    reply = shell_reply(kc, msg_id, seconds)
    if reply is None:
        raise TimeoutError(f"no reply to {msg_id}")
    return reply["content"]


def control_reply(kc, msg_type, content, seconds):
    """Sends a request on the control channel, as JupyterLab does; its reply, or None after seconds."""
    message = kc.session.msg(msg_type, content)
    kc.control_channel.send(message)
    return reply_to(kc.get_control_msg, message["header"]["msg_id"], seconds)
