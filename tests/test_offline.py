"""Nothing reaches the network at run time: a full check (model included) runs with sockets blocked."""
import subprocess
import sys


def test_check_runs_with_sockets_blocked():
    code = r'''
import socket
def refuse(*a, **k):
    raise RuntimeError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import drafting
r = drafting.check("We think the cache failed. Priya on the SRE team restarted it.", "sev2", "general", "report")
cats = {f.category for f in r.findings}
assert "conjecture" in cats and "leak" in cats, cats
print("ok", sorted(cats))
'''
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("ok")
