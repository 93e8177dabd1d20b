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
cancellation, and queries that look only at the items that can match (see `_query`). Everything else is moto's code, unchanged. Started as `moto_server`'s stand-in:
    python scripts/moto_server.py -H 127.0.0.1 -p PORT
"""

import base64
import copy
import functools
import sys
import threading

import moto.core.responses as core_responses
import moto.dynamodb.models as dynamodb_models
from moto import backends
from moto.core.serialize import BaseJSONSerializer
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType, Item
from moto.dynamodb.models.table import StreamRecord, Table
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
            candidates = [
                item
                for partition in self.items.values()
                for item in (partition.values() if self.range_key_attr else (partition,))
                if (value := item.attrs.get(name)) is not None and value.value == wanted
            ]
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
    for name, member in list(vars(DynamoDBBackend).items()):
        if callable(member) and not name.startswith("_"):
            setattr(DynamoDBBackend, name, _locked(member))


if __name__ == "__main__":
    patch()
    from moto.server import main

    sys.exit(main(sys.argv[1:]))
