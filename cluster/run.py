"""`make cluster`: start the cluster and keep it running until Ctrl-C.

https://127.0.0.1:8443/ is the site behind nginx (a self-signed certificate);
8444 and 8445 reach one app server each. Everything stops on Ctrl-C.
"""

import signal
import time

from .services import PORTS, Cluster


def main():
    with Cluster() as cluster:
        print(
            f"cluster: https://127.0.0.1:{PORTS['front']}/ (Ctrl-C to stop); "
            f"logs in {cluster.folder}",
            flush=True,
        )
        stop = []
        signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
        try:
            while not stop:
                time.sleep(1)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
