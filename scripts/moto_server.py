"""moto_server with DynamoDB writes made atomic and cheap, as DynamoDB's are (development only).

moto 5.2.5 (pinned) has two faults that concurrent load through the local runner exposes:

1. Its DynamoDB backend takes no lock. Two conditional writes to one item at once both see it absent
   and both succeed, where DynamoDB serialises them and refuses the second.
2. `transact_write_items` snapshots by `copy.deepcopy` of the whole table (stream records included)
   once per item of the transaction, and a cancelled transaction restores that snapshot over the
   table: every write that other threads made meanwhile is lost. The copy grows with every write
   since start, so a submission that took 0.5 s at the first request took 6 s after a few hundred
   (measured through ./stress: 503s from the SDK's call timeout, requests missing from the table).

This launcher runs moto's own server with every DynamoDB backend call under one lock (moto runs on
one interpreter lock anyway: the lock costs ordering, not parallelism), a transaction that
snapshots only the items it touches and the stream's length, restoring exactly those on
cancellation, and queries that look only at the items that can match (see `_query`; an index
query reads a map kept as writes happen, `_IndexKeys`). Everything else is moto's code, unchanged. Started as `moto_server`'s stand-in:
    python scripts/moto_server.py -H 127.0.0.1 -p PORT
"""

import base64
import copy
import decimal
import functools
import sys
import threading

import moto.core.responses as core_responses
import moto.dynamodb.models as dynamodb_models
import moto.dynamodb.models.table as dynamodb_table_model
from moto import backends
from moto.core.serialize import BaseJSONSerializer
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType, Item, LimitedSizeDict
from moto.dynamodb.models.table import StreamRecord, Table
from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.models import ShardIterator

_LOCK = threading.RLock()


class _CopyWithoutTables:
    """Stands in for `copy` inside moto's DynamoDB models: a Table 'copy' is the table itself.

    Only `transact_write_items` deep-copies whole tables there; the item-level snapshot below
    replaces that copy, so handing back the live table makes moto's own restore a no-op.
    """

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)

    def __getattr__(self, name):
        return getattr(copy, name)


def _key_of(table, op_type, op):
    attrs = op["Item"] if op_type == "Put" else op["Key"]
    hash_value = DynamoType(attrs[table.hash_key_attr])
    range_value = DynamoType(attrs[table.range_key_attr]) if table.range_key_attr else None
    return hash_value, range_value


def _snapshot(backend, transact_items):
    items, shards = [], {}
    for entry in transact_items:
        op_type, op = next(iter(entry.items()))
        table = backend.tables.get(op.get("TableName")) if isinstance(op, dict) else None
        if table is None:
            continue
        try:
            hash_value, range_value = _key_of(table, op_type, op)
        except (KeyError, TypeError):
            continue  # moto itself answers the validation error; nothing of it was written
        current = table.get_item(hash_value, range_value) if range_value or not table.range_key_attr else None
        items.append((table, hash_value, range_value, copy.deepcopy(current)))
        if table.stream_shard is not None:
            shards.setdefault(id(table), (table.stream_shard, len(table.stream_shard.items)))
    return items, shards


def _restore(items, shards):
    for table, hash_value, range_value, previous in reversed(items):
        _IndexKeys.of(table).wrote(hash_value, range_value)
        if range_value is None:
            if previous is None:
                table.items.pop(hash_value, None)
            else:
                table.items[hash_value] = previous
        else:
            partition = table.items[hash_value]
            if previous is None:
                partition.pop(range_value, None)
                if not partition:
                    table.items.pop(hash_value, None)
            else:
                partition[range_value] = previous
    # A cancelled transaction leaves no stream records (DynamoDB emits none for it).
    for shard, length in shards.values():
        del shard.items[length:]


def _transact_write_items(original):
    @functools.wraps(original)
    def transact(self, transact_items):
        items, shards = _snapshot(self, transact_items) if len(transact_items) <= 100 else ([], {})
        try:
            return original(self, transact_items)
        except Exception:
            _restore(items, shards)
            raise

    return transact


def _unsorted_items(table):
    for partition in table.items.values():
        if table.range_key_attr:
            yield from partition.values()
        else:
            yield partition


def _matches(item, conditions):
    for name, expected in conditions:
        value = item.attrs.get(name)
        if value is None:
            return False
        # Raw comparison first: DynamoType equality goes through cast_value, slow in a loop.
        if expected.type == "S" and value.type == "S":
            if value.value != expected.value:
                return False
        elif value != expected:
            return False
    return True


class _IndexKeys:
    """The items of one table by the value of each string attribute an index query named: what a
    GSI is on DynamoDB, a map kept as writes happen, so an index query reads the items it returns.

    moto walks every item of the table for each index query: at 300,000 items (./bench --scale's
    50,000 requests) that walk alone took longer than a page's whole budget, and a submission's
    duplicate check paid it too. A map per attribute is built on the first query naming it; every
    write since (`_noting_writes`: put, update, delete, which transactions and batches go through,
    and a cancelled transaction's restore) marks its key, and the next query re-reads just those.
    """

    def __init__(self):
        self.by_attribute = {}  # attribute -> value -> item key -> Item
        self.values_of = {}  # item key -> attribute -> value (what to remove when it changes)
        self.changed = {}  # item key -> (hash DynamoType, range DynamoType or None)

    @staticmethod
    def of(table):
        keys = table.__dict__.get("_index_keys")
        if keys is None:
            keys = table.__dict__["_index_keys"] = _IndexKeys()
        return keys

    @staticmethod
    def key(hash_value, range_value):
        return (hash_value.type, str(hash_value.value)) + (
            (range_value.type, str(range_value.value)) if range_value is not None else ()
        )

    def wrote(self, hash_value, range_value):
        if self.by_attribute:
            self.changed[self.key(hash_value, range_value)] = (hash_value, range_value)

    def items_with(self, table, attribute, wanted):
        self._catch_up(table)
        index = self.by_attribute.get(attribute)
        if index is None:
            index = self.by_attribute[attribute] = {}
            for item in _unsorted_items(table):
                self._add(attribute, index, item, self.key(item.hash_key, item.range_key))
        return list(index.get(wanted, {}).values())

    def _catch_up(self, table):
        for key, (hash_value, range_value) in self.changed.items():
            for attribute, value in self.values_of.pop(key, {}).items():
                holders = self.by_attribute[attribute].get(value)
                if holders is not None:
                    holders.pop(key, None)
                    if not holders:
                        del self.by_attribute[attribute][value]
            partition = table.items.get(hash_value)
            if table.range_key_attr:
                current = partition.get(range_value) if partition else None
            else:
                current = partition
            if current is not None:
                for attribute, index in self.by_attribute.items():
                    self._add(attribute, index, current, key)
        self.changed.clear()

    def _add(self, attribute, index, item, key):
        value = item.attrs.get(attribute)
        if value is not None and value.type == "S":
            index.setdefault(value.value, {})[key] = item
            self.values_of.setdefault(key, {})[attribute] = value.value


def _noting_writes(method):
    """Marks the key each put, update or delete touches, for the index maps (`_IndexKeys`)."""

    @functools.wraps(method)
    def write(self, table_name, attrs, *args, **kwargs):
        try:
            return method(self, table_name, attrs, *args, **kwargs)
        finally:
            table = self.tables.get(table_name)
            if table is not None and table.__dict__.get("_index_keys") is not None:
                try:
                    hash_value = DynamoType(attrs[table.hash_key_attr])
                    range_value = DynamoType(attrs[table.range_key_attr]) if table.range_key_attr else None
                except (KeyError, TypeError):
                    pass  # refused before anything was written
                else:
                    _IndexKeys.of(table).wrote(hash_value, range_value)

    return write


def _query(original):
    """Hands moto's query only the items that can match: the partition, or the GSI key's items.

    moto's `all_items()` sorts every item of the table on each query (O(n log n) comparisons of
    DynamoType values), then filters: at 10,000 items one query took 290 ms (base table) to 510 ms
    (GSI). moto sorts what it keeps afterwards anyway, so the candidates need no order.
    """

    @functools.wraps(original)
    def query(self, hash_key, *args, **kwargs):
        index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
        conditions = kwargs.get("hash_key_conditions")
        if not index_name and hash_key is not None:
            partition = self.items.get(hash_key)
            if not partition:
                candidates = []
            else:
                candidates = list(partition.values()) if self.range_key_attr else [partition]
        elif index_name and len(conditions or ()) == 1 and conditions[0][1].type == "S":
            name, wanted = conditions[0][0], conditions[0][1].value
            candidates = _IndexKeys.of(self).items_with(self, name, wanted)
        elif index_name and conditions:
            candidates = [item for item in _unsorted_items(self) if _matches(item, conditions)]
        else:
            return original(self, hash_key, *args, **kwargs)
        self.all_items = lambda: candidates  # shadows the method for this call only (under the lock)
        try:
            return original(self, hash_key, *args, **kwargs)
        finally:
            del self.all_items

    return query


class _ResultCopies:
    """Stands in for `copy` inside moto's table model: a query's or scan's results are new Items
    with their own attribute maps, sharing the attribute values instead of deep-copying them.

    moto deep-copies every item a query returns before projecting and filtering it (40 % of the
    server's time while ./bench --scale exported a year: 16,700 items of 40 attributes). Nothing
    after the copy changes a value (projections and filters build new Items), and each DynamoDB
    call is answered whole under the lock (`patch`), so no write can change a shared value while
    the answer is written.
    """

    @staticmethod
    def deepcopy(value, memo=None):
        if isinstance(value, Item):
            return _shallow_item(value)
        if isinstance(value, list) and value and all(isinstance(item, Item) for item in value):
            return [_shallow_item(item) for item in value]
        return copy.deepcopy(value, memo)

    def __getattr__(self, name):
        return getattr(copy, name)


def _shallow_item(item):
    result = Item.__new__(Item)
    result.hash_key = item.hash_key
    result.range_key = item.range_key
    attrs = LimitedSizeDict.__new__(LimitedSizeDict)
    dict.__init__(attrs)
    dict.update(attrs, item.attrs)
    result.attrs = attrs
    return result


def _sorted_items(self, hash_key_attrs, range_key_attrs, items):
    """moto's `Table.sorted_items` with the raw values as sort keys: the same order (key attributes
    are all S, N or B; a string's code points sort as its UTF-8 bytes do), without a DynamoType
    comparison per step, a quarter of the server's time in a year's export (./bench --scale)."""
    names = self._generate_attr_to_sort_by(hash_key_attrs, range_key_attrs)
    items.sort(key=lambda item: tuple(_raw_key(item.attrs[name]) for name in names))
    return items


def _raw_key(value):
    return decimal.Decimal(value.value) if value.type == "N" else value.value


def _locked(method):
    @functools.wraps(method)
    def call(*args, **kwargs):
        with _LOCK:
            return method(*args, **kwargs)

    return call


def _untracked(cls):
    """moto keeps every model instance ever made for its dashboard (`/moto-api/data.json`).

    For items, their copies, stream records and shard iterators that is one object per write or
    poll, never released, and `data.json` (which `/dev/outbox` reads for the SMS and email sent)
    serialises them all: seconds per read after a few thousand requests, holding the interpreter.
    These are the table's contents, not what anyone reads there.
    """
    cls.__new__ = staticmethod(lambda klass, *args, **kwargs: object.__new__(klass))


def _cache_per_request_lookups():
    """Two lookups moto's server repeats on every request although their answers never change:
    the list of its service modules (a directory listing and a stat per module, twice per request)
    and a response class's method names (`inspect.getmembers`). Together about a third of a
    GetItem's time in the server; cached, the bench's 8,000 warm invocations take minutes less."""
    modules = tuple(backends.list_of_moto_modules())
    backends.list_of_moto_modules = lambda: modules
    method_names = functools.lru_cache(maxsize=None)(core_responses.method_names_from_class)
    core_responses.method_names_from_class = method_names


def _attribute_value_json(value):
    """An AttributeValue as DynamoDB's JSON protocol writes it, straight from moto's model."""
    if isinstance(value, DynamoType):
        value = value.to_json()
    ((kind, inner),) = value.items()
    if kind == "M":
        return {"M": {name: _attribute_value_json(member) for name, member in inner.items()}}
    if kind == "L":
        return {"L": [_attribute_value_json(member) for member in inner]}
    if kind == "B":
        return {"B": _blob(inner)}
    if kind == "BS":
        return {"BS": [_blob(member) for member in inner]}
    if kind in ("S", "N"):
        return {kind: str(inner)}
    if kind in ("SS", "NS"):
        return {kind: [str(member) for member in inner]}
    return {kind: inner}


def _blob(value):
    return base64.b64encode(value).decode("ascii") if isinstance(value, (bytes, bytearray)) else value


def _fast_attribute_values(serializer_cls):
    """moto's response serializer walks every attribute of every item through its generic,
    shape-driven machinery (attribute aliases, key paths): about 0.3 ms per attribute, so a Query
    returning 30 items of 10 attributes spends 9 ms there. An AttributeValue has one fixed JSON
    form; writing it directly gives the same body (tests/emulator checks every type against moto's
    own serializer) in a small fraction of the time."""
    generic = serializer_cls._serialize_type_structure

    def serialize(self, serialized, value, shape, key):
        if shape.name == "AttributeValue" and self.service_model.service_name == "dynamodb" and value is not None:
            self._default_serialize(serialized, _attribute_value_json(value), shape, key)
        else:
            generic(self, serialized, value, shape, key)

    serialize.generic = generic
    serializer_cls._serialize_type_structure = serialize


def patch():
    _cache_per_request_lookups()
    _fast_attribute_values(BaseJSONSerializer)
    for cls in (Item, StreamRecord, ShardIterator):
        _untracked(cls)
    dynamodb_models.copy = _CopyWithoutTables()
    DynamoDBBackend.transact_write_items = _transact_write_items(DynamoDBBackend.transact_write_items)
    Table.query = _query(Table.query)
    Table.sorted_items = _sorted_items
    dynamodb_table_model.copy = _ResultCopies()
    # The whole call, its answer written too, so results can share values with the table.
    DynamoHandler.call_action = _locked(DynamoHandler.call_action)
    DynamoDBBackend.put_item = _noting_writes(DynamoDBBackend.put_item)
    DynamoDBBackend.update_item = _noting_writes(DynamoDBBackend.update_item)
    DynamoDBBackend.delete_item = _noting_writes(DynamoDBBackend.delete_item)
    for name, member in list(vars(DynamoDBBackend).items()):
        if callable(member) and not name.startswith("_"):
            setattr(DynamoDBBackend, name, _locked(member))


if __name__ == "__main__":
    patch()
    from moto.server import main

    sys.exit(main(sys.argv[1:]))
