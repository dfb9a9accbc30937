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
results are unchanged and time no longer grows with the table.

Index queries: for a Query on a GSI or LSI moto sorts the whole table, keeps the items whose index key matches,
sorts those again by (index hash keys, index range keys, table hash key, table range key) as DynamoType objects,
and reads them one by one from ExclusiveStartKey on, until Limit or 1 MB. On a tenant index that is every rollout
of the tenant for each page. The index query below does the reading order once, on plain values (str, the base64
text of binaries, Decimal: what DynamoType compares): the items with the query's index hash key, sorted, cut
after ExclusiveStartKey; moto's own query then gets only the first Limit + 1 of them and sorts, skips, limits,
filters, counts and projects them itself. moto stops reading at the first item past Limit or 1 MB, so if it
stopped inside that stretch the rest never mattered; if it did not (a range condition or filter dropped items)
it gets a four times longer stretch, up to all. The sort key ends with the table's key, which is unique, so there
are no ties and the order is moto's whatever order the items come in: same items, order, paging keys, Count and
ScannedCount. Where plain values would not compare as moto does (a key attribute of different types across items,
which DynamoDB refuses but moto stores, or a start key of another type) the query is left to moto untouched.
infra/check_moto_index_query.py compares both on random tables and queries (infra/test.sh runs it).

Keep-alive: werkzeug's development server answers HTTP/1.0 and closes every connection, so every SDK call pays a
new TCP connection; HTTP/1.1 lets the SDK clients keep their pooled connections. The per-request access log is
off (it costs a write to stderr per call and nothing reads it).

Usage is the same as moto_server: python moto_server.py -H host -p port
"""
import bisect
import inspect
import logging
import sys
import threading
from decimal import Decimal

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
    if index_name:
        return _index_query(self, hash_key, *args, **kwargs)
    if hash_key is None:
        return _table_query(self, hash_key, *args, **kwargs)
    # Called under _dynamodb_lock, so no other request sees the table while all_items is narrowed.
    self.all_items = lambda: _partition_items(self, hash_key)
    try:
        return _table_query(self, hash_key, *args, **kwargs)
    finally:
        del self.all_items


# ---- Index (GSI/LSI) queries: only the page's stretch of the index goes through moto (see the docstring). ----

_QUERY_SIGNATURE = inspect.signature(_table_query)
_PLAIN_KEY_TYPES = ("S", "B", "N")


class _NoTotalOrder(Exception):
    """The sort keys are not plain values of one type per position: let moto answer untouched."""


def _plain(value):
    # What DynamoType compares (its cast_value) for the three key types.
    return Decimal(value.value) if value.type == "N" else value.value


def _hash_checks(conditions):
    """(name, type, plain value) per index hash key condition; None if one is not a plain key type."""
    if not all(expected.type in _PLAIN_KEY_TYPES for _, expected in conditions):
        return None
    return [(name, expected.type, _plain(expected)) for name, expected in conditions]


def _table_items(table):
    if table.range_key_attr:
        return (item for partition in table.items.values() for item in partition.values())
    return iter(table.items.values())


def _index_sort_attrs(table, index):
    """The attributes moto's Table.query sorts an index's items by (checked again when moto sorts)."""
    hash_attrs = [k["AttributeName"] for k in index.schema if k["KeyType"] == "HASH"]
    range_attrs = [k["AttributeName"] for k in index.schema if k["KeyType"] == "RANGE"]
    if not range_attrs:
        is_global = index in (table.global_indexes or [])
        range_attrs = [table.range_key_attr if is_global and table.range_key_attr else table.hash_key_attr]
    return table._generate_attr_to_sort_by(hash_attrs + [table.hash_key_attr], range_attrs + [table.range_key_attr])


def _plain_key(item, attrs, types):
    key = []
    for attr, expected_type in zip(attrs, types):
        value = item.attrs.get(attr)
        if value is None or value.type != expected_type:
            raise _NoTotalOrder()
        key.append(Decimal(value.value) if expected_type == "N" else value.value)
    return tuple(key)


def _index_in_order(table, attrs, conditions):
    """The items with the query's index hash key and every sort attribute, ascending, with their plain sort keys.

    The sort key ends with the table's key, so no two items tie; one type per position makes plain values compare
    as moto's DynamoType objects do (equal means same type and value, less means less value)."""
    checks = _hash_checks(conditions)
    if checks is None or table.hash_key_attr not in attrs or (
            table.range_key_attr and table.range_key_attr not in attrs):
        raise _NoTotalOrder()
    keyed = []
    types = None
    for item in _table_items(table):
        item_attrs = item.attrs
        for name, expected_type, expected in checks:
            actual = item_attrs.get(name)
            if actual is None or actual.type != expected_type or (
                    Decimal(actual.value) if expected_type == "N" else actual.value) != expected:
                break
        else:
            if types is None:
                values = [item_attrs.get(attr) for attr in attrs]
                if any(value is None for value in values):
                    continue  # moto drops items without the index's range key before sorting
                types = tuple(value.type for value in values)
                if not all(t in _PLAIN_KEY_TYPES for t in types):
                    raise _NoTotalOrder()
            elif any(attr not in item_attrs for attr in attrs):
                continue
            keyed.append((_plain_key(item, attrs, types), item))
    keyed.sort(key=lambda pair: pair[0])
    return keyed, types


def _after_start_key(keyed, types, attrs, start_key, forward):
    """The items moto's query reads after skipping those at or before ExclusiveStartKey, in reading order."""
    if forward:
        ordered = keyed
    else:
        ordered = keyed[::-1]
    if not start_key:
        return [item for _, item in ordered]
    if any(attr not in start_key or list(start_key[attr])[0] != t for attr, t in zip(attrs, types or ())):
        raise _NoTotalOrder()
    start = tuple(Decimal(start_key[a]["N"]) if t == "N" else list(start_key[a].values())[0]
                  for a, t in zip(attrs, types or ()))
    keys = [key for key, _ in keyed]
    if forward:
        return [item for _, item in keyed[bisect.bisect_right(keys, start):]]
    return [item for _, item in keyed[:bisect.bisect_left(keys, start)][::-1]]


def _sorted_on_plain_values(table, attrs, types, hash_key_attrs, range_key_attrs, items):
    """moto's sorted_items on the stretch handed to it, comparing plain values."""
    if table._generate_attr_to_sort_by(hash_key_attrs, range_key_attrs) != attrs:
        raise _NoTotalOrder()
    items.sort(key=lambda item: _plain_key(item, attrs, types))
    return items


def _index_query(table, hash_key, *args, **kwargs):
    call = _QUERY_SIGNATURE.bind(table, hash_key, *args, **kwargs).arguments
    conditions = call.get("hash_key_conditions")
    index = {i.name: i for i in table.all_indexes()}.get(call.get("index_name"))
    if not conditions or index is None:
        return _table_query(table, hash_key, *args, **kwargs)
    try:
        attrs = _index_sort_attrs(table, index)
        keyed, types = _index_in_order(table, attrs, conditions)
        readable = _after_start_key(keyed, types, attrs, call.get("exclusive_start_key"),
                                    call.get("scan_index_forward") is not False)
        limit = call.get("limit")
        stretch = limit + 1 if isinstance(limit, int) and limit > 0 else len(readable)
        while True:
            # moto reads its sorted items one by one and stops at the first that would exceed Limit or 1 MB: if it
            # stopped inside the stretch, the items after it never mattered; if not, give it a longer stretch.
            candidates = readable[:stretch]
            result = _query_over(table, attrs, types, candidates, hash_key, args, kwargs)
            if result[2] is not None or len(candidates) == len(readable):
                return result
            stretch *= 4
    except _NoTotalOrder:
        return _table_query(table, hash_key, *args, **kwargs)


def _query_over(table, attrs, types, candidates, hash_key, args, kwargs):
    # Called under _dynamodb_lock, so no other request sees the table while these two are replaced.
    table.all_items = lambda: list(candidates)
    table.sorted_items = lambda hash_attrs, range_attrs, items: _sorted_on_plain_values(
        table, attrs, types, hash_attrs, range_attrs, items)
    try:
        return _table_query(table, hash_key, *args, **kwargs)
    finally:
        del table.all_items
        del table.sorted_items


DynamoHandler.call_action = _serialized_call_action
Table.query = _partition_query
WSGIRequestHandler.protocol_version = "HTTP/1.1"
logging.getLogger("werkzeug").setLevel(logging.WARNING)

if __name__ == "__main__":
    sys.exit(main())
