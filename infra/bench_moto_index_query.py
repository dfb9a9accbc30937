"""One index Query on moto at 10,000 items, moto's own Table.query beside infra/moto_server.py's, in one process.

The table looks like rollgate's rollouts table: 10,000 items of one tenant on the byTenant index (tenant,
createdKey), newest first, Limit 25, as the console's rollouts page asks. Prints the median of 15 first pages and
the time of page 20 (walking the LastEvaluatedKeys) for both, so the ratio is measured under the same load.
    .tools/venv/bin/python infra/bench_moto_index_query.py
"""
import statistics
import time

import boto3
from moto import mock_aws
from moto.dynamodb.models import dynamodb_backends
from moto.dynamodb.models.table import Table

from moto_query_versions import MOTOS_QUERY, PATCHED_QUERY

ITEMS = 10_000


def main():
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        client.create_table(
            TableName="rollouts", BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("pk", "tenant", "createdKey")],
            GlobalSecondaryIndexes=[{"IndexName": "byTenant", "Projection": {"ProjectionType": "ALL"},
                                     "KeySchema": [{"AttributeName": "tenant", "KeyType": "HASH"},
                                                   {"AttributeName": "createdKey", "KeyType": "RANGE"}]}])
        table = dynamodb_backends["123456789012"]["us-east-1"].get_table("rollouts")
        for i in range(ITEMS):  # straight into the backend: seeding is not what is measured
            table.put_item({"pk": {"S": f"ro-{i:05d}"}, "tenant": {"S": "acme"},
                            "createdKey": {"S": f"2026-11-28T{i:08d}#ro-{i:05d}"},
                            "status": {"S": "RUNNING"}, "policyYaml": {"S": "y" * 300}})
        query = dict(TableName="rollouts", IndexName="byTenant", KeyConditionExpression="tenant = :t",
                     ExpressionAttributeValues={":t": {"S": "acme"}}, ScanIndexForward=False, Limit=25)
        for name, implementation in (("moto's Query", MOTOS_QUERY), ("moto_server.py", PATCHED_QUERY)):
            Table.query = implementation
            firsts = []
            for _ in range(15):
                start = time.perf_counter()
                client.query(**query)
                firsts.append((time.perf_counter() - start) * 1000)
            cursor, page20 = None, 0.0
            for _ in range(20):
                start = time.perf_counter()
                response = client.query(**(dict(query, ExclusiveStartKey=cursor) if cursor else query))
                page20 = (time.perf_counter() - start) * 1000
                cursor = response["LastEvaluatedKey"]
            print(f"{name}: first page median {statistics.median(firsts):.1f} ms, page 20 {page20:.1f} ms")


if __name__ == "__main__":
    main()
