"""moto's server, with DynamoDB requests serialized and its Query made to read one partition.

Atomicity: moto answers requests on several threads but its DynamoDB backend takes no lock: two conditional
writes can both pass their condition, and a cancelled transaction restores a copy of the whole table taken before
it started, undoing writes that other threads made meanwhile. Real DynamoDB makes every conditional write and
transaction atomic, and rollgate's exactly-once guarantees (idempotent starts, one winning approval decision)
rest on that. Holding one lock per DynamoDB request restores those semantics; other services stay concurrent
(long polls, for instance, keep working).

Cost model: moto answers a Query on a table's key by sorting every item of the table and keeping the queried
partition, so each Query costs as much as the whole table, and a table that grows during a run (metric windows)
slows every later read. DynamoDB reads only the partition. The query below hands moto's own Query just that
partition (the same items it would have kept; moto still sorts, pages, filters and projects them itself), so
results are unchanged and time no longer grows with the table. Index queries are left to moto as they are.

Keep-alive: werkzeug's development server answers HTTP/1.0 and closes every connection, so every SDK call pays a
new TCP connection; HTTP/1.1 lets the SDK clients keep their pooled connections. The per-request access log is
off (it costs a write to stderr per call and nothing reads it).

Usage is the same as moto_server: python moto_server.py -H host -p port
"""
import logging
import sys
import threading

from moto.dynamodb.models.table import Table
from moto.dynamodb.responses import DynamoHandler
from moto.server import main
from werkzeug.serving import WSGIRequestHandler

_dynamodb_lock = threading.RLock()
_call_action = DynamoHandler.call_action
_table_query = Table.query
_INDEX_NAME_POSITION = 7  # query(hash_key, range_comparison, range_objs, limit, start_key, forward, projection, index_name, ...)


def _serialized_call_action(self):
    with _dynamodb_lock:
        return _call_action(self)


def _partition_items(table, hash_key):
    partition = table.items.get(hash_key)
    if partition is None:
        return []
    if table.range_key_attr:
        return list(partition.values())
    return [partition]


def _partition_query(self, hash_key, *args, **kwargs):
    index_name = args[_INDEX_NAME_POSITION - 1] if len(args) >= _INDEX_NAME_POSITION else kwargs.get("index_name")
    if index_name or hash_key is None:
        return _table_query(self, hash_key, *args, **kwargs)
    # Called under _dynamodb_lock, so no other request sees the table while all_items is narrowed.
    self.all_items = lambda: _partition_items(self, hash_key)
    try:
        return _table_query(self, hash_key, *args, **kwargs)
    finally:
        del self.all_items


DynamoHandler.call_action = _serialized_call_action
Table.query = _partition_query
WSGIRequestHandler.protocol_version = "HTTP/1.1"
logging.getLogger("werkzeug").setLevel(logging.WARNING)

if __name__ == "__main__":
    sys.exit(main())
