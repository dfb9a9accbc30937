"""moto's own Table.query and infra/moto_server.py's patched one, both importable in one process.

Used by check_moto_index_query.py (answers must be equal) and bench_moto_index_query.py (times side by side).
Importing moto_server installs its patches, so moto's query is taken before that import. Sets dummy credentials
for moto's in-process mock.
"""
import os
import sys

os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from moto.dynamodb.models.table import Table  # noqa: E402

MOTOS_QUERY = Table.query
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto_server  # noqa: E402,F401  (importing it installs the patches)

PATCHED_QUERY = Table.query
