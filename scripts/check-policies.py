#!/usr/bin/env python3
"""parliament over every function's IAM policy, as AWS will hold it (./test, IaC stage).

`dump`, run with .venv/sam's Python, expands template.yaml the way CloudFormation will
(samtranslator: SAM policy templates and inline statements become the roles' policies) and prints
each role's policy documents as JSON, with intrinsics replaced by ARNs of the shape AWS gives them
(parliament checks each action's resources against the ARN format, so a placeholder would be a
finding of its own). Both branches of a condition are kept: each may be deployed.
`audit FILE`, run with .venv/iac's Python, gives each document to parliament, prints every finding
and exits 1 on any finding not allowed below with its reason.
"""

import json
import re
import sys

REGION, ACCOUNT, STACK = "me-south-1", "123456789012", "mustafeed"
# Findings parliament reports that are known and accepted, each with why. Key: (role, issue, actions).
ALLOWED = {
    (
        "NotifyFunctionRole",
        "RESOURCE_MISMATCH",
        "dynamodb:DescribeStream dynamodb:GetRecords dynamodb:GetShardIterator",
    ): (
        "parliament splits an ARN at every colon, and a stream ARN's label is a time with colons "
        "(table/T/stream/2026-01-01T00:00:00.000); the resource is the table's one stream"
    ),
    ("NotifyFunctionRole", "RESOURCE_MISMATCH", "dynamodb:ListStreams"): (
        "SAM's DynamoDBStreamReadPolicy template scopes ListStreams to stream/*, which IAM ignores for "
        "that action; the stream's event source gets ListStreams from AWSLambdaDynamoDBExecutionRole, "
        "which SAM attaches for the stream event"
    ),
    ("NotifyFunctionRole", "RESOURCE_STAR", "sns:Publish"): (
        "SMS straight to a phone number has no resource ARN (SNS: Publish with PhoneNumber); only when "
        "SmsProvider=sns, and CheckIfPhoneNumberIsOptedOut likewise"
    ),
}


def dump(template_path):
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse

    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    resources = template["Resources"]
    for resource in resources.values():
        if resource["Type"] == "AWS::Serverless::Function":  # the code's place is irrelevant here
            resource["Properties"]["CodeUri"] = "s3://bucket/key"
    # an empty default switches a feature off; audit it switched on, with a value of the real shape
    examples = {"WhatsAppPhoneNumberId": "phone-number-id-0123456789abcdef0123456789abcdef"}
    parameters = {k: v.get("Default") or examples.get(k, "example") for k, v in template.get("Parameters", {}).items()}
    pseudo = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws", "AWS::StackName": STACK}

    class NoManagedPolicies:  # the template names managed policies by ARN only
        def load(self):
            return {}

    expanded = transform(template, dict(parameters, **pseudo), NoManagedPolicies())

    def ref(name):
        if name in pseudo:
            return pseudo[name]
        if name in parameters:
            return str(parameters[name])
        kind = resources[name]["Type"]
        return {
            "AWS::SecretsManager::Secret": f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{name}-AbCdEf",
            "AWS::SQS::Queue": f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{name}",
            "AWS::S3::Bucket": name.lower(),
        }.get(kind, name)

    def attribute(name, attr):
        kind = resources[name]["Type"]
        if kind == "AWS::DynamoDB::Table":
            table = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{name}"
            return table + "/stream/2026-01-01T00:00:00.000" if attr == "StreamArn" else table
        if kind == "AWS::SQS::Queue":
            return f"arn:aws:sqs:{REGION}:{ACCOUNT}:{name}"
        if kind == "AWS::S3::Bucket":
            return f"arn:aws:s3:::{name.lower()}"
        raise SystemExit(f"check-policies: no ARN shape for {name}.{attr} ({kind})")

    def resolve(value, variables=None):
        if isinstance(value, list):
            return [resolve(v, variables) for v in value]
        if not isinstance(value, dict):
            return value
        if "Ref" in value:
            return ref(value["Ref"])
        if "Fn::GetAtt" in value:
            name, attr = (
                value["Fn::GetAtt"] if isinstance(value["Fn::GetAtt"], list) else value["Fn::GetAtt"].split(".")
            )
            return attribute(name, attr)
        if "Fn::Sub" in value:
            text, given = value["Fn::Sub"] if isinstance(value["Fn::Sub"], list) else (value["Fn::Sub"], {})
            given = {k: resolve(v) for k, v in given.items()}

            def one(m):
                key = m.group(1)
                if key in given:
                    return str(given[key])
                if "." in key and key.split(".")[0] in resources:
                    return attribute(*key.split(".", 1))
                return ref(key)

            return re.sub(r"\$\{([^}!]+)\}", one, text)
        if "Fn::Select" in value:
            index, items = value["Fn::Select"]
            items = resolve(items)
            return items[int(index)] if isinstance(items, list) else "2026-01-01T00:00:00.000"
        if "Fn::Split" in value:
            separator, text = value["Fn::Split"]
            return str(resolve(text)).split(separator)
        return {k: resolve(v, variables) for k, v in value.items()}

    def statements(items):
        for item in items:
            if isinstance(item, dict) and "Fn::If" in item:
                _, yes, no = item["Fn::If"]
                yield from statements([s for s in (yes, no) if s != {"Ref": "AWS::NoValue"}])
            else:
                yield resolve(item)

    roles = {}
    for name, resource in expanded["Resources"].items():
        if resource["Type"] != "AWS::IAM::Role":
            continue
        documents = []
        for policy in resource["Properties"].get("Policies", []):
            document = policy["PolicyDocument"]
            documents.append(
                {
                    "name": policy["PolicyName"],
                    "document": {
                        "Version": document.get("Version", "2012-10-17"),
                        "Statement": list(statements(document["Statement"])),
                    },
                }
            )
        roles[name] = documents
    json.dump(roles, sys.stdout, indent=1)


def audit(path):
    from parliament import analyze_policy_string

    with open(path, encoding="utf-8") as f:
        roles = json.load(f)
    unexplained, documents = [], 0
    for role, policies in roles.items():
        for policy in policies:
            documents += 1
            for finding in analyze_policy_string(json.dumps(policy["document"])).findings:
                detail = finding.detail if isinstance(finding.detail, list) else [finding.detail]
                actions = sorted({d["action"] if isinstance(d, dict) else str(d) for d in detail})
                key = (role, finding.issue, " ".join(actions))
                line = f"{role} / {policy['name']}: {finding.issue} {finding.detail} {finding.location}"
                if key in ALLOWED:
                    print(f"allowed: {line} ({ALLOWED[key]})")
                else:
                    unexplained.append(line)
    for line in unexplained:
        print(f"FINDING: {line}")
    print(f"parliament: {len(roles)} roles, {documents} policy documents, {len(unexplained)} unexplained findings")
    return 1 if unexplained else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"]:
        dump(sys.argv[2])
    elif sys.argv[1:2] == ["audit"]:
        sys.exit(audit(sys.argv[2]))
    else:
        sys.exit("usage: check-policies.py dump TEMPLATE | audit POLICIES.json")
