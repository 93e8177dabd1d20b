#!/usr/bin/env python3
"""Empties the benchmark table in moto between rounds of warm submissions, keeping the seeded sample.

moto copies a whole table for every TransactWriteItems (to roll back on failure), so each
submission costs time in proportion to what the table already holds: after a few hundred
submissions moto, not our code, would dominate and ./bench would run for a quarter of an hour.
Run with the moto venv's Python (boto3 comes with moto). Usage: bench_cleanup.py ENDPOINT TABLE REGION
"""

import sys

import boto3

endpoint, table, region = sys.argv[1:4]
client = boto3.client(
    "dynamodb", endpoint_url=endpoint, region_name=region, aws_access_key_id="local", aws_secret_access_key="local"
)
keep = "REQ#MHF5Q2N7"  # the request events/lookup-request/found.json looks up (Provision seeds it)
kwargs = {"TableName": table, "ProjectionExpression": "PK, SK"}
while True:
    page = client.scan(**kwargs)
    doomed = [i for i in page["Items"] if i["PK"]["S"] != keep]
    for start in range(0, len(doomed), 25):
        client.batch_write_item(
            RequestItems={table: [{"DeleteRequest": {"Key": k}} for k in doomed[start : start + 25]]}
        )
    if "LastEvaluatedKey" not in page:
        break
    kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
