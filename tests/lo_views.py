"""An independent reader for revision marks: LibreOffice accepts (or rejects) all tracked changes.

Run with a Python that has LibreOffice's `uno` module (not the project venv):
    python3 lo_views.py FILE.docx ACCEPTED.txt REJECTED.txt PROFILE_DIR
It starts a private headless soffice, opens the file twice, dispatches "Accept All" and
"Reject All", and saves each result as UTF-8 text.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    """A UNO PropertyValue."""
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(src: str, out_accepted: str, out_rejected: str, profile_dir: str) -> None:
    """Save the accepted and the rejected view of `src` as text."""
    pipe = "trace" + uuid.uuid4().hex
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile_dir}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(300):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise SystemExit("soffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        views = ((".uno:AcceptAllTrackedChanges", out_accepted), (".uno:RejectAllTrackedChanges", out_rejected))
        for command, out in views:
            url = uno.systemPathToFileUrl(os.path.abspath(src))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            target = uno.systemPathToFileUrl(os.path.abspath(out))
            doc.storeToURL(target, (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF")))
            doc.close(True)
        desktop.terminate()
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main(*sys.argv[1:5])
