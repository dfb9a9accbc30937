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

Response encoding: moto turns every response into JSON by walking botocore's model of the operation, looking up
each member of each structure through six alias rules. An item's every attribute value is such a structure (ten
members: S, N, B, ...), so a 60-window Query cost ~170 ms, nearly all of it there. The encoder below writes an
AttributeValue directly (its members as the model walk would: only those present and not None, binaries in
base64) and leaves the envelope (Count, LastEvaluatedKey, ConsumedCapacity, ...) to moto's walk. It takes only
plain dicts whose keys are all AttributeValue members, which is what moto's DynamoResult holds; anything else goes
the model walk. ROLLGATE_MOTO_CHECK_ENCODING=1 encodes every response both ways and fails the request when the
two bodies differ by a byte (infra/test.sh's ITs and a load run were run so to check it).

Transactions: moto's TransactWriteItems deep-copies every table it touches before it starts, to put the copies
back if it is cancelled; that is the whole history and rollouts table per update, growing with the run (137 ms
per transaction at 27 rollouts). Under the lock nothing else changes those tables meanwhile, so copying only the
items the transaction names (each Put's key, each Update's, Delete's and ConditionCheck's Key) and putting those
back is the same rollback: a cancelled transaction leaves every item as it was, the ones it created removed. A
table with a stream keeps moto's whole-table copy (its stream records would need undoing too).

Per-request lookups: for every request moto lists its own package directory on disk (to tell service names from
host names, twice) and lists a handler class's functions through inspect.getmembers (to find the action's method).
Neither the installed package nor the classes change while the server runs (this file patches its classes before
the first request), so both answers are computed once and kept.

Connections stay HTTP/1.0 (one per request): with werkzeug's development server answering HTTP/1.1, kept-alive
connections stalled the sandbox (SandboxSmokeIT stopped mid-canary twice and passed again without it). The
per-request access log is off (it costs a write to stderr per call and nothing reads it).

Usage is the same as moto_server: python moto_server.py -H host -p port
"""
import bisect
import contextlib
import copy
import dataclasses
import inspect
import logging
import os
import sys
import threading
from decimal import Decimal

import moto.backends as moto_backends
import moto.core.responses as core_responses
import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table
from moto.dynamodb.responses import DynamoHandler, DynamoResult
from moto.server import main

_dynamodb_lock = threading.RLock()
_call_action = DynamoHandler.call_action
_table_query = Table.query
_QUERY_SIGNATURE = inspect.signature(_table_query)


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


@contextlib.contextmanager
def _narrowed(table, **replacements):
    """Replaces table methods (all_items, sorted_items) for one moto query. Used under _dynamodb_lock only, so no
    other request sees the table meanwhile."""
    for name, replacement in replacements.items():
        setattr(table, name, replacement)
    try:
        yield
    finally:
        for name in replacements:
            delattr(table, name)


def _partition_query(self, hash_key, *args, **kwargs):
    if _QUERY_SIGNATURE.bind(self, hash_key, *args, **kwargs).arguments.get("index_name"):
        return _index_query(self, hash_key, *args, **kwargs)
    if hash_key is None:
        return _table_query(self, hash_key, *args, **kwargs)
    with _narrowed(self, all_items=lambda: _partition_items(self, hash_key)):
        return _table_query(self, hash_key, *args, **kwargs)


# ---- Index (GSI/LSI) queries: only the page's stretch of the index goes through moto (see the docstring). ----

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
    with _narrowed(table, all_items=lambda: list(candidates),
                   sorted_items=lambda hash_attrs, range_attrs, items: _sorted_on_plain_values(
                       table, attrs, types, hash_attrs, range_attrs, items)):
        return _table_query(table, hash_key, *args, **kwargs)


# ---- Response encoding: attribute values written directly (see the docstring). ----

_ATTRIBUTE_VALUE_MEMBERS = frozenset(("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"))
_CHECK_ENCODING = os.environ.get("ROLLGATE_MOTO_CHECK_ENCODING") == "1"
_model_walk = DynamoResult.execute_result
_direct_classes = {}


class _EncodingMismatch(Exception):
    """The direct encoding differs from moto's model walk (only raised with ROLLGATE_MOTO_CHECK_ENCODING=1)."""


def _is_attribute_value(value, shape):
    return (shape.name == "AttributeValue" and type(value) is dict
            and set(shape.members) == _ATTRIBUTE_VALUE_MEMBERS and value.keys() <= _ATTRIBUTE_VALUE_MEMBERS)


def _encode_attribute_value(value, base64):
    """One AttributeValue as moto's model walk writes it: members present and not None, binaries in base64."""
    encoded = {}
    for member, member_value in value.items():
        if member_value is None:
            continue
        if member == "B":
            member_value = base64(member_value)
        elif member == "BS":
            member_value = [base64(v) for v in member_value]
        elif member == "M":
            member_value = {name: _encode_nested(v, base64) for name, v in member_value.items() if v is not None}
        elif member == "L":
            member_value = [None if v is None else _encode_nested(v, base64) for v in member_value]
        encoded[member] = member_value
    return encoded


def _encode_nested(value, base64):
    if type(value) is not dict or not value.keys() <= _ATTRIBUTE_VALUE_MEMBERS:
        raise _NotPlain()
    return _encode_attribute_value(value, base64)


class _NotPlain(Exception):
    """A nested value is not a plain AttributeValue dict: the model walk encodes the whole value."""


class _DirectAttributeValues:
    """Mixed into moto's JSON serializer: AttributeValue structures skip the per-member model walk."""

    def _serialize_type_structure(self, serialized, value, shape, key):
        if key and _is_attribute_value(value, shape):
            try:
                encoded = _encode_attribute_value(value, self._base64)
            except _NotPlain:
                pass
            else:
                self._default_serialize(serialized, encoded, shape, key)
                return
        super()._serialize_type_structure(serialized, value, shape, key)


def _direct_serializer(model_serializer):
    if model_serializer not in _direct_classes:
        _direct_classes[model_serializer] = type("Direct" + model_serializer.__name__,
                                                 (_DirectAttributeValues, model_serializer), {})
    return _direct_classes[model_serializer]


def _execute_result_directly(self, context):
    direct = _model_walk(self, dataclasses.replace(context, serializer_class=_direct_serializer(
        context.serializer_class)))
    if _CHECK_ENCODING:
        walked = _model_walk(self, context)
        if direct != walked:
            raise _EncodingMismatch("direct encoding differs from moto's: %r != %r" % (direct, walked))
    return direct


# ---- Transactions: back up only the items a transaction names (see the docstring). ----

_transact_write_items = DynamoDBBackend.transact_write_items


class _TablesByReference:
    """moto's backend module sees this as `copy` during one transaction: tables are not copied (their named items
    are, by _item_backups), everything else is copied as before."""
    copy = staticmethod(copy.copy)

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _named_key(table, op):
    """(hash, range) DynamoTypes of the item one transaction entry names, or None if it names none."""
    attrs = op.get("Key") if "Key" in op else op.get("Item")
    if not isinstance(attrs, dict) or table.hash_key_attr not in attrs:
        return None
    if table.range_key_attr and table.range_key_attr not in attrs:
        return None
    hash_value = DynamoType(attrs[table.hash_key_attr])
    range_value = DynamoType(attrs[table.range_key_attr]) if table.range_key_attr else None
    return hash_value, range_value


def _item_backups(backend, transact_items):
    """A copy of every item the transaction names (None where absent); None if a table needs moto's whole copy."""
    backups = []
    for entry in transact_items:
        for op in entry.values():
            table = backend.tables.get(op.get("TableName")) if isinstance(op, dict) else None
            if table is None:
                continue  # moto writes nothing to a table that does not exist
            if table.stream_shard is not None:
                return None
            key = _named_key(table, op)
            if key is None:
                continue  # an entry without its key fails before moto writes its item
            backups.append((table, key, copy.deepcopy(table.get_item(*key))))
    return backups


def _restore(backups):
    # Newest first, so an item named twice ends as it was before the first.
    for table, (hash_value, range_value), before in reversed(backups):
        if range_value is None:
            if before is None:
                table.items.pop(hash_value, None)
            else:
                table.items[hash_value] = before
        else:
            partition = table.items[hash_value]
            if before is None:
                partition.pop(range_value, None)
            else:
                partition[range_value] = before


def _transact_with_item_backups(self, transact_items):
    backups = _item_backups(self, transact_items) if isinstance(transact_items, list) else None
    if backups is None:
        return _transact_write_items(self, transact_items)
    # Called under _dynamodb_lock: no other request uses the backend module while `copy` is replaced.
    dynamodb_models.copy = _TablesByReference
    try:
        return _transact_write_items(self, transact_items)
    except BaseException:
        _restore(backups)
        raise
    finally:
        dynamodb_models.copy = copy


# ---- Per-request lookups computed once (see the docstring). ----

_moto_modules = tuple(moto_backends.list_of_moto_modules())
_method_names = core_responses.method_names_from_class
_method_names_by_class = {}


def _listed_moto_modules():
    return _moto_modules


def _kept_method_names(clazz):
    names = _method_names_by_class.get(clazz)
    if names is None:
        names = _method_names_by_class[clazz] = _method_names(clazz)
    return names


DynamoHandler.call_action = _serialized_call_action
moto_backends.list_of_moto_modules = _listed_moto_modules
core_responses.method_names_from_class = _kept_method_names
DynamoResult.execute_result = _execute_result_directly
DynamoDBBackend.transact_write_items = _transact_with_item_backups
Table.query = _partition_query
logging.getLogger("werkzeug").setLevel(logging.WARNING)

if __name__ == "__main__":
    sys.exit(main())
