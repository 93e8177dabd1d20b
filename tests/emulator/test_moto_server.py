"""scripts/moto_server.py keeps DynamoDB's guarantees that moto alone breaks under concurrency.

Run with the moto venv's Python (boto3 comes with moto): .venv/moto/bin/python -m unittest discover tests/emulator
"""

import concurrent.futures
import pathlib
import socket
import subprocess
import sys
import time
import unittest
import urllib.request

import boto3

ROOT = pathlib.Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        cls.server = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "moto_server.py"), "-H", "127.0.0.1", "-p", str(cls.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{cls.port}/moto-api/", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        kw = dict(
            endpoint_url=f"http://127.0.0.1:{cls.port}",
            region_name="me-south-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )
        cls.dynamodb = boto3.client("dynamodb", **kw)
        cls.streams = boto3.client("dynamodbstreams", **kw)
        cls.dynamodb.create_table(
            TableName="t",
            BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("PK", "SK", "G")],
            GlobalSecondaryIndexes=[
                {
                    "IndexName": "GSI",
                    "KeySchema": [{"AttributeName": "G", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "ALL"},
                }
            ],
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
        )

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(10)

    def transaction(self, key, request):
        try:
            self.dynamodb.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": "t",
                            "Item": {"PK": {"S": f"IDEM#{key}"}, "SK": {"S": "META"}},
                            "ConditionExpression": "attribute_not_exists(PK)",
                        }
                    },
                    {
                        "Put": {
                            "TableName": "t",
                            "Item": {"PK": {"S": f"REQ#{request}"}, "SK": {"S": "META"}, "G": {"S": key}},
                            "ConditionExpression": "attribute_not_exists(PK)",
                        }
                    },
                ]
            )
            return True
        except self.dynamodb.exceptions.TransactionCanceledException:
            return False

    def stream_count(self):
        arn = self.dynamodb.describe_table(TableName="t")["Table"]["LatestStreamArn"]
        shard = self.streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
        iterator = self.streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")[
            "ShardIterator"
        ]
        count = 0
        while True:
            records = self.streams.get_records(ShardIterator=iterator, Limit=1000)
            if not records["Records"]:
                return count
            count += len(records["Records"])
            iterator = records["NextShardIterator"]

    def items(self, prefix):
        return [i for i in self.dynamodb.scan(TableName="t")["Items"] if i["PK"]["S"].startswith(prefix)]

    def test_concurrentConditionalTransactionsOnOneKey_exactlyOneWins(self):
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            won = list(pool.map(lambda i: self.transaction("same", f"same-{i}"), range(32)))
        self.assertEqual(1, sum(won))
        self.assertEqual(1, len(self.items("REQ#same-")))

    def test_aCancelledTransaction_leavesNoItemAndNoStreamRecord_andLosesNoOtherWrite(self):
        self.assertTrue(self.transaction("k1", "first"))
        before = self.stream_count()
        # The first Put succeeds inside moto, the second is refused: nothing of it may remain.
        self.assertFalse(self.transaction("k2", "first"))
        self.assertEqual([], self.items("IDEM#k2"))
        self.assertEqual(before, self.stream_count())
        # Writes made while transactions are cancelled concurrently all stay.
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(
                pool.map(
                    lambda i: (
                        self.transaction("k1", f"again-{i}") if i % 2 else self.transaction(f"other-{i}", f"other-{i}")
                    ),
                    range(40),
                )
            )
        self.assertEqual(20, len(self.items("REQ#other-")))
        self.assertEqual([], self.items("REQ#again-"))

    def test_queries_findThePartitionAndTheIndexKey(self):
        self.assertTrue(self.transaction("q1", "q1"))
        base = self.dynamodb.query(
            TableName="t", KeyConditionExpression="PK = :p", ExpressionAttributeValues={":p": {"S": "REQ#q1"}}
        )["Items"]
        self.assertEqual(["REQ#q1"], [i["PK"]["S"] for i in base])
        self.assertEqual(
            [],
            self.dynamodb.query(
                TableName="t", KeyConditionExpression="PK = :p", ExpressionAttributeValues={":p": {"S": "REQ#none"}}
            )["Items"],
        )
        index = self.dynamodb.query(
            TableName="t",
            IndexName="GSI",
            KeyConditionExpression="G = :g",
            ExpressionAttributeValues={":g": {"S": "q1"}},
        )["Items"]
        self.assertEqual(["REQ#q1"], [i["PK"]["S"] for i in index])

    def test_indexQueries_afterEveryKindOfWrite_findWhatAScanFinds(self):
        # The launcher answers index queries from a map it keeps as writes happen: after puts,
        # updates that move an item between keys or drop the key, deletes, batches and a cancelled
        # transaction, each index key must list exactly the items a scan says hold it.
        def index(value):
            items = self.dynamodb.query(
                TableName="t",
                IndexName="GSI",
                KeyConditionExpression="G = :g",
                ExpressionAttributeValues={":g": {"S": value}},
            )["Items"]
            return sorted(i["PK"]["S"] for i in items)

        def scanned(value):
            return sorted(i["PK"]["S"] for i in self.items("IX#") if i.get("G", {}).get("S") == value)

        def same_everywhere():
            for value in ("a", "b", "c"):
                self.assertEqual(scanned(value), index(value), value)

        for n in range(6):
            self.dynamodb.put_item(TableName="t", Item={"PK": {"S": f"IX#{n}"}, "SK": {"S": "M"}, "G": {"S": "a"}})
        same_everywhere()  # the map is built here; what follows changes it
        self.dynamodb.update_item(
            TableName="t",
            Key={"PK": {"S": "IX#0"}, "SK": {"S": "M"}},
            UpdateExpression="SET G = :b",
            ExpressionAttributeValues={":b": {"S": "b"}},
        )
        self.dynamodb.update_item(
            TableName="t", Key={"PK": {"S": "IX#1"}, "SK": {"S": "M"}}, UpdateExpression="REMOVE G"
        )
        self.dynamodb.delete_item(TableName="t", Key={"PK": {"S": "IX#2"}, "SK": {"S": "M"}})
        self.dynamodb.put_item(TableName="t", Item={"PK": {"S": "IX#3"}, "SK": {"S": "M"}, "G": {"S": "c"}})
        self.dynamodb.batch_write_item(
            RequestItems={
                "t": [
                    {"PutRequest": {"Item": {"PK": {"S": "IX#7"}, "SK": {"S": "M"}, "G": {"S": "b"}}}},
                    {"DeleteRequest": {"Key": {"PK": {"S": "IX#4"}, "SK": {"S": "M"}}}},
                ]
            }
        )
        with self.assertRaises(self.dynamodb.exceptions.TransactionCanceledException):
            self.dynamodb.transact_write_items(
                TransactItems=[
                    {"Put": {"TableName": "t", "Item": {"PK": {"S": "IX#5"}, "SK": {"S": "M"}, "G": {"S": "c"}}}},
                    {
                        "Put": {
                            "TableName": "t",
                            "Item": {"PK": {"S": "IX#6"}, "SK": {"S": "M"}, "G": {"S": "c"}},
                            "ConditionExpression": "attribute_exists(PK)",
                        }
                    },
                ]
            )
        same_everywhere()
        self.assertEqual(["IX#5"], index("a"))
        self.assertEqual(["IX#0", "IX#7"], index("b"))
        self.assertEqual(["IX#3"], index("c"))


if __name__ == "__main__":
    unittest.main()
