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

Serialisation: moto writes every response through a generic serializer that walks the service model and looks
each member up by several spellings; for a DynamoDB item that costs milliseconds per item (a 180-item Query took
over a second, almost all of it here), where DynamoDB only sends JSON. An AttributeValue whose content is plain JSON
(strings, numbers as strings, booleans, nested maps and lists) serialises to itself, so it is written as it is;
anything else (binary values, which the serializer base64-encodes) still goes through moto's serializer. The
bodies are the same JSON as before.

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
from moto.core.serialize import BaseJSONSerializer
from moto.server import main
from werkzeug.serving import WSGIRequestHandler

_dynamodb_lock = threading.RLock()
_call_action = DynamoHandler.call_action
_table_query = Table.query
_INDEX_NAME_POSITION = 7  # query(hash_key, range_comparison, range_objs, limit, start_key, forward, projection, index_name, ...)


_serialize_structure = BaseJSONSerializer._serialize_type_structure


def _plain_json(value):
    if isinstance(value, str) or isinstance(value, bool) or value is None:
        return True
    if isinstance(value, list):
        return all(_plain_json(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_json(v) for k, v in value.items())
    return False


def _attribute_value_as_is(self, serialized, value, shape, key):
    if shape.name == "AttributeValue" and key and isinstance(value, dict) and _plain_json(value):
        serialized[self.get_serialized_name(shape, key)] = value
        return
    _serialize_structure(self, serialized, value, shape, key)


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
BaseJSONSerializer._serialize_type_structure = _attribute_value_as_is
WSGIRequestHandler.protocol_version = "HTTP/1.1"
logging.getLogger("werkzeug").setLevel(logging.WARNING)

if __name__ == "__main__":
    sys.exit(main())
