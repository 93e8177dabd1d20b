"""The launcher's direct AttributeValue writer answers exactly what moto's own serializer answers.

In process, through moto's server application: every DynamoDB call that returns items is made twice,
once with the launcher's writer and once with moto's generic one, and the bodies must be equal.
"""

import base64
import json
import pathlib
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import moto_server  # noqa: E402
from moto.core.serialize import BaseJSONSerializer  # noqa: E402
from moto.server import DomainDispatcherApplication, create_backend_app  # noqa: E402
from werkzeug.test import Client  # noqa: E402

moto_server.patch()
FAST = BaseJSONSerializer._serialize_type_structure
GENERIC = FAST.generic

HEADERS = {
    "Authorization": "AWS4-HMAC-SHA256 Credential=local/20261130/me-south-1/dynamodb/aws4_request, "
    "SignedHeaders=host, Signature=0",
    "Content-Type": "application/x-amz-json-1.0",
}

EVERY_TYPE = {
    "PK": {"S": "REQ#1"},
    "SK": {"S": "META"},
    "text": {"S": "طلب — request"},
    "empty": {"S": ""},
    "number": {"N": "-12.50"},
    "binary": {"B": base64.b64encode(b"\x00\xffbytes").decode()},
    "strings": {"SS": ["a", "ب"]},
    "numbers": {"NS": ["1", "2.5"]},
    "binaries": {"BS": [base64.b64encode(b"x").decode(), base64.b64encode(b"\x01").decode()]},
    "nothing": {"NULL": True},
    "yes": {"BOOL": True},
    "no": {"BOOL": False},
    "map": {
        "M": {
            "nested": {
                "L": [
                    {"S": "in a list"},
                    {"N": "3"},
                    {"B": base64.b64encode(b"deep").decode()},
                    {"M": {}},
                    {"L": []},
                    {"NULL": True},
                ]
            },
            "flag": {"BOOL": False},
            "strings": {"SS": ["z"]},
        }
    },
    "list": {"L": [{"M": {"k": {"S": "v"}}}, {"BOOL": True}]},
}


class FastAttributeValuesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = Client(DomainDispatcherApplication(create_backend_app))
        cls.call(
            "CreateTable",
            {
                "TableName": "same",
                "BillingMode": "PAY_PER_REQUEST",
                "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
                "AttributeDefinitions": [
                    {"AttributeName": "PK", "AttributeType": "S"},
                    {"AttributeName": "SK", "AttributeType": "S"},
                ],
            },
        )
        cls.call("PutItem", {"TableName": "same", "Item": EVERY_TYPE})
        cls.call(
            "PutItem", {"TableName": "same", "Item": {"PK": {"S": "REQ#1"}, "SK": {"S": "NOTE#1"}, "n": {"N": "7"}}}
        )

    @classmethod
    def call(cls, operation, body):
        response = cls.client.post(
            "/", data=json.dumps(body), headers=dict(HEADERS, **{"X-Amz-Target": f"DynamoDB_20120810.{operation}"})
        )
        return response.status_code, response.get_data(as_text=True)

    def both(self, operation, body):
        try:
            BaseJSONSerializer._serialize_type_structure = GENERIC
            generic = self.call(operation, body)
        finally:
            BaseJSONSerializer._serialize_type_structure = FAST
        fast = self.call(operation, body)
        self.assertEqual(200, generic[0], generic[1])
        self.assertEqual(generic[0], fast[0])
        self.assertEqual(json.loads(generic[1]), json.loads(fast[1]), operation)
        return json.loads(fast[1])

    def test_everyAttributeType_readEveryWay_isWrittenAsMotoWritesIt(self):
        key = {"PK": {"S": "REQ#1"}, "SK": {"S": "META"}}
        item = self.both("GetItem", {"TableName": "same", "Key": key})["Item"]
        self.assertEqual(EVERY_TYPE["map"], item["map"])
        self.assertEqual(EVERY_TYPE["binary"], item["binary"])
        self.assertEqual(
            2,
            len(
                self.both(
                    "Query",
                    {
                        "TableName": "same",
                        "KeyConditionExpression": "PK = :p",
                        "ExpressionAttributeValues": {":p": {"S": "REQ#1"}},
                    },
                )["Items"]
            ),
        )
        self.both(
            "Query",
            {
                "TableName": "same",
                "KeyConditionExpression": "PK = :p",
                "Limit": 1,
                "ExpressionAttributeValues": {":p": {"S": "REQ#1"}},
            },
        )
        self.both(
            "Scan",
            {"TableName": "same", "ProjectionExpression": "PK, #m.nested", "ExpressionAttributeNames": {"#m": "map"}},
        )
        self.both("BatchGetItem", {"RequestItems": {"same": {"Keys": [key]}}})
        self.both("TransactGetItems", {"TransactItems": [{"Get": {"TableName": "same", "Key": key}}]})
        self.both(
            "UpdateItem",
            {
                "TableName": "same",
                "Key": key,
                "UpdateExpression": "SET #n = :v",
                "ExpressionAttributeNames": {"#n": "added"},
                "ExpressionAttributeValues": {":v": {"L": [{"N": "1"}, {"SS": ["s"]}]}},
                "ReturnValues": "ALL_NEW",
            },
        )

    def test_aRefusedConditionalWrite_isAnsweredAsMotoAnswersIt(self):
        body = {
            "TableName": "same",
            "Item": {"PK": {"S": "REQ#1"}, "SK": {"S": "META"}},
            "ConditionExpression": "attribute_not_exists(PK)",
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }
        try:
            BaseJSONSerializer._serialize_type_structure = GENERIC
            generic = self.call("PutItem", body)
        finally:
            BaseJSONSerializer._serialize_type_structure = FAST
        fast = self.call("PutItem", body)
        self.assertEqual(400, generic[0])
        self.assertEqual((generic[0], json.loads(generic[1])), (fast[0], json.loads(fast[1])))


if __name__ == "__main__":
    unittest.main()
