# Runs moto's DynamoDB server for jynamo-local (io.jynamo.local.LocalDynamo), with three guarantees
# moto_server itself does not give:
#  - requests are applied one at a time, so a condition expression and the write it guards are
#    atomic (moto checks and writes without a lock, and its server runs one thread per request);
#  - the server never outlives the JVM that started it: when that JVM ends, however it ends
#    (kill -9 included), the operating system closes the pipe to our standard input, and we stop;
#  - a BatchWriteItem may write equal keys to two tables, as DynamoDB allows (moto refuses the
#    request as "duplicates" when it names the same key in two tables).
# Usage: python3 -c "<this file>" -H 127.0.0.1 -p <port>
import argparse
import os
import signal
import sys
import threading
import time


def stop(reason, code=0):
    sys.stdout.write("jynamo-local: " + reason + ", stopping\n")
    sys.stdout.flush()
    # Our own process group (see setsid below): anything moto may have started goes with us.
    # SIGKILL, because this may run outside the main thread, where no signal handler can be changed.
    if hasattr(os, "killpg") and os.getpgid(0) == os.getpid():
        os.killpg(0, signal.SIGKILL)
    os._exit(code)


def watch_parent(parent):
    # End of input means the JVM holding the other end is gone.
    def stdin_closed():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except Exception:
            pass
        stop("the JVM closed its pipe")

    # A second signal for a parent that dies while something else keeps the pipe open.
    def reparented():
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                stop("the JVM (pid %d) is gone" % parent)

    threading.Thread(target=stdin_closed, name="jynamo-stdin", daemon=True).start()
    if parent > 1:
        threading.Thread(target=reparented, name="jynamo-parent", daemon=True).start()


def serialized(app):
    lock = threading.Lock()

    def one_at_a_time(environ, start_response):
        with lock:
            # The body is read inside the lock: some responses are produced while iterated.
            result = app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        return [body]

    return one_at_a_time


def duplicates_per_table():
    # moto's BatchWriteItem compares the keys of all tables together. Its check is a method called with the
    # keys alone, so the per-table check reads the (table, key) pairs from the caller's locals; should a moto
    # release name them differently, its own check runs unchanged.
    from moto.dynamodb import responses

    handler = responses.DynamoHandler
    original = handler._contains_duplicates

    def contains_duplicates(self, keys):
        caller = sys._getframe(1)
        deletes = caller.f_locals.get("delete_requests")
        puts = caller.f_locals.get("put_requests")
        if caller.f_code.co_name != "batch_write_item" or deletes is None or puts is None:
            return original(self, keys)
        for requests in (deletes, puts):
            seen = set()
            for table, key in requests:
                entry = (table, responses.dynamo_json_dump(key))
                if entry in seen:
                    return True
                seen.add(entry)
        return False

    handler._contains_duplicates = contains_duplicates


def main():
    parser = argparse.ArgumentParser(prog="jynamo-local")
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    parent = os.getppid()
    if hasattr(os, "setsid"):
        try:
            os.setsid()
        except OSError:
            pass
    signal.signal(signal.SIGTERM, lambda signum, frame: stop("asked to stop"))
    watch_parent(parent)
    os.environ.setdefault("MOTO_PORT", str(args.port))
    try:
        from werkzeug.serving import run_simple
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    except ImportError as e:
        sys.stdout.write("jynamo-local: moto's server is not installed for " + sys.executable + " (" + str(e)
                         + "); install it with: " + sys.executable + " -m pip install 'moto[server]'\n")
        sys.stdout.flush()
        os._exit(3)
    duplicates_per_table()
    app = DomainDispatcherApplication(create_backend_app)
    # Threads still read and write the sockets concurrently (and keep HTTP/1.1 connections alive);
    # only the application of each request is serialized.
    run_simple(args.host, args.port, serialized(app), threaded=True, use_reloader=False)


main()
