"""Checks that infra/moto_server.py's Query answers exactly what moto itself answers.

moto_server.py replaces moto's Table.query with faster paths (one partition for table-key queries, hash-key
candidates and a plain-value sort for index queries). This builds random tables in moto's in-process mock (several
GSIs and an LSI, sparse index attributes, few distinct index key values so many items tie on the index range key,
some tables with string and some with number keys) and sends every random Query twice through boto3: once to moto's
own Table.query and once to the patched one, comparing the whole answers (Items in order, Count, ScannedCount,
LastEvaluatedKey). Queries mix: table or index, every key-condition operator, ScanIndexForward false, Limit,
ExclusiveStartKey (both the previous page's LastEvaluatedKey, walked to the end, and an arbitrary item's key),
FilterExpression, ProjectionExpression and Select COUNT. Some tables also hold items whose index key attribute has
the wrong type (moto stores them; DynamoDB would refuse them), which the patch must hand back to moto untouched,
and some hold items of 20-120 KB, so that pages end at moto's 1 MB limit rather than at Limit.

Run (infra/test.sh runs it before Maven; 10-15 s on a quiet machine):
    .tools/venv/bin/python infra/check_moto_index_query.py [--seed N] [--tables N]
Exits 1 and prints the first differing request on any difference.
"""
import argparse
import random
import sys

import boto3
from moto import mock_aws
from moto.dynamodb.models.table import Table

from moto_query_versions import MOTOS_QUERY, PATCHED_QUERY

TENANTS = ["acme", "beta", "gamma"]
STATUSES = ["RUNNING", "HELD", "DONE"]


def key_value(key_type, n):
    return {"N": str(n)} if key_type == "N" else {"S": f"k{n:03d}"}


def create_table(client, name, rng):
    hash_type = rng.choice(["S", "N"])
    range_type = rng.choice([None, "S", "N"])
    attributes = {"pk": hash_type, "tenant": "S", "created": "N", "agent": "S"}
    key_schema = [{"AttributeName": "pk", "KeyType": "HASH"}]
    if range_type:
        attributes["sk"], attributes["lsort"] = range_type, "S"
        key_schema.append({"AttributeName": "sk", "KeyType": "RANGE"})
    gsis = [
        {"IndexName": "byTenant", "Projection": {"ProjectionType": "ALL"},
         "KeySchema": [{"AttributeName": "tenant", "KeyType": "HASH"},
                       {"AttributeName": "created", "KeyType": "RANGE"}]},
        {"IndexName": "byAgent", "Projection": {"ProjectionType": "KEYS_ONLY"},
         "KeySchema": [{"AttributeName": "agent", "KeyType": "HASH"}]},
        {"IndexName": "byTenantAgent",
         "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["f"]},
         "KeySchema": [{"AttributeName": "tenant", "KeyType": "HASH"},
                       {"AttributeName": "agent", "KeyType": "RANGE"}]},
    ]
    request = {
        "TableName": name,
        "KeySchema": key_schema,
        "AttributeDefinitions": [{"AttributeName": a, "AttributeType": t} for a, t in attributes.items()],
        "GlobalSecondaryIndexes": gsis,
        "BillingMode": "PAY_PER_REQUEST",
    }
    if range_type:
        request["LocalSecondaryIndexes"] = [
            {"IndexName": "byLsort", "Projection": {"ProjectionType": "ALL"},
             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                           {"AttributeName": "lsort", "KeyType": "RANGE"}]}]
    client.create_table(**request)
    return hash_type, range_type


def random_item(rng, hash_type, range_type, mistyped, large):
    item = {"pk": key_value(hash_type, rng.randrange(25))}
    if range_type:
        item["sk"] = key_value(range_type, rng.randrange(12))
    if rng.random() < 0.85:
        item["tenant"] = {"S": rng.choice(TENANTS)}
    if rng.random() < 0.9:
        item["created"] = {"N": str(rng.randrange(6))}  # few values: many ties on the index range key
    if rng.random() < 0.8:
        item["agent"] = {"S": f"agent-{rng.randrange(4)}"}
    if rng.random() < 0.7:
        item["lsort"] = {"S": f"l{rng.randrange(5)}"}
    if mistyped and rng.random() < 0.05:
        item["created"] = {"S": "later"}
    item["f"] = {"N": str(rng.randrange(10))}
    item["status"] = {"S": rng.choice(STATUSES)}
    item["pad"] = {"S": "x" * (rng.randrange(20_000, 120_000) if large else rng.randrange(0, 200))}
    return item


def random_query(rng, name, hash_type, range_type, items):
    index = rng.choice([None, "byTenant", "byAgent", "byTenantAgent"] + (["byLsort"] if range_type else []))
    names, values = {}, {}
    if index in ("byTenant", "byTenantAgent"):
        names["#h"], values[":h"] = "tenant", {"S": rng.choice(TENANTS + ["nobody"])}
    elif index == "byAgent":
        names["#h"], values[":h"] = "agent", {"S": f"agent-{rng.randrange(5)}"}
    else:
        names["#h"], values[":h"] = "pk", key_value(hash_type, rng.randrange(26))
    condition = "#h = :h"
    range_attr = {"byTenant": "created", "byTenantAgent": "agent", "byLsort": "lsort", None: "sk" if range_type else None}.get(index)
    if range_attr and rng.random() < 0.6:
        names["#r"] = range_attr
        sample = {"created": lambda: {"N": str(rng.randrange(7))},
                  "agent": lambda: {"S": f"agent-{rng.randrange(5)}"},
                  "lsort": lambda: {"S": f"l{rng.randrange(6)}"},
                  "sk": lambda: key_value(range_type, rng.randrange(13))}[range_attr]
        operator = rng.choice(["=", "<", "<=", ">", ">=", "between"] + (["begins"] if range_attr != "created" and not (range_attr == "sk" and range_type == "N") else []))
        if operator == "between":
            low, high = sorted([sample(), sample()], key=lambda v: list(v.values())[0] if "S" in v else int(v["N"]))
            values[":lo"], values[":hi"] = low, high
            condition += " AND #r BETWEEN :lo AND :hi"
        elif operator == "begins":
            values[":p"] = {"S": rng.choice(["agent-", "agent-1", "l", "l2", "k00", "k01"])}
            condition += " AND begins_with(#r, :p)"
        else:
            values[":r"] = sample()
            condition += f" AND #r {operator} :r"
    request = {"TableName": name, "KeyConditionExpression": condition,
               "ExpressionAttributeNames": names, "ExpressionAttributeValues": values,
               "ScanIndexForward": rng.random() < 0.5}
    if index:
        request["IndexName"] = index
    if rng.random() < 0.8:
        request["Limit"] = rng.randrange(1, 8)
    if rng.random() < 0.3:
        request["FilterExpression"] = "#f > :f OR #s = :s"
        names["#f"], names["#s"] = "f", "status"
        values[":f"], values[":s"] = {"N": str(rng.randrange(10))}, {"S": rng.choice(STATUSES)}
    choice = rng.random()
    if choice < 0.15:
        request["Select"] = "COUNT"
    elif choice < 0.3:
        request["ProjectionExpression"] = "pk, #st"
        names["#st"] = "status"
    if items and rng.random() < 0.3:
        start = rng.choice(items)
        key_attrs = ["pk"] + (["sk"] if range_type else []) + {
            "byTenant": ["tenant", "created"], "byAgent": ["agent"], "byTenantAgent": ["tenant", "agent"],
            "byLsort": ["pk", "lsort"], None: []}[index]
        if all(a in start for a in key_attrs):
            request["ExclusiveStartKey"] = {a: start[a] for a in key_attrs}
    return request


def answer(client, request):
    try:
        response = client.query(**request)
    except client.exceptions.ClientError as error:
        return ("error", error.response["Error"].get("Code"), error.response["Error"].get("Message"))
    except Exception as error:  # moto answering 500, for instance on a mistyped key attribute
        return ("failure", type(error).__name__)
    return {k: response.get(k) for k in ("Items", "Count", "ScannedCount", "LastEvaluatedKey")}


def compare(client, request):
    """Answers the request with moto's own Query and the patched one, and every following page while both agree."""
    pages = 0
    while True:
        Table.query = MOTOS_QUERY
        expected = answer(client, request)
        Table.query = PATCHED_QUERY
        actual = answer(client, request)
        pages += 1
        if expected != actual:
            return pages, f"request {request}\n  moto:    {expected}\n  patched: {actual}"
        if not isinstance(expected, dict) or not expected.get("LastEvaluatedKey"):
            return pages, None
        request = dict(request, ExclusiveStartKey=expected["LastEvaluatedKey"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--tables", type=int, default=6)
    parser.add_argument("--items", type=int, default=120)
    parser.add_argument("--queries", type=int, default=30)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    queries = pages = 0
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        for number in range(arguments.tables):
            name = f"check{number}"
            hash_type, range_type = create_table(client, name, rng)
            mistyped, large = number % 4 == 3, number % 4 == 1  # large: pages end at 1 MB before Limit
            items = [random_item(rng, hash_type, range_type, mistyped, large) for _ in range(arguments.items)]
            for item in items:
                try:
                    client.put_item(TableName=name, Item=item)
                except client.exceptions.ClientError:
                    pass  # a mistyped index key that moto refuses, as DynamoDB does
            for _ in range(arguments.queries):
                request = random_query(rng, name, hash_type, range_type, items)
                walked, difference = compare(client, request)
                queries, pages = queries + 1, pages + walked
                if difference:
                    print(f"DIFFERENT (seed {arguments.seed}, table {name}):\n{difference}")
                    return 1
    Table.query = PATCHED_QUERY
    print(f"moto_server Query equals moto's: {arguments.tables} tables, {queries} queries, {pages} pages "
          f"(seed {arguments.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
