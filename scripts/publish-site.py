#!/usr/bin/env python3
"""Builds the site and uploads it (build/site/) to the stack's site bucket, pointing it at the stack's
API, and refreshes the CDN.

Run after `sam deploy` with the SAM venv's Python (it carries boto3); Node.js builds the pages:
    .venv/sam/bin/python scripts/publish-site.py --stack mustafeed-dev [--region me-south-1]
AWS_ENDPOINT_URL works here too, so the same upload can be tried against moto or LocalStack.
"""

import argparse
import json
import mimetypes
import pathlib
import subprocess
import sys
import time

import boto3

ROOT = pathlib.Path(__file__).resolve().parent.parent
SITE = ROOT / "build" / "site"
# Pages and config must be fresh on every visit; fingerprint-free assets may be cached a day.
NO_CACHE = ("text/html", "application/json")


def stack_outputs(cloudformation, stack):
    outputs = cloudformation.describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    return {o["OutputKey"]: o["OutputValue"] for o in outputs}


def content_type(path):
    if path.suffix == ".woff2":
        return "font/woff2"
    if path.suffix in (".js", ".mjs"):
        return "text/javascript; charset=utf-8"
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return guessed + "; charset=utf-8" if guessed.startswith("text/") or guessed.endswith("json") else guessed


def build_site():
    """The pages exist only once built (site/pages + site/strings → build/site/); never upload a stale copy."""
    try:
        subprocess.run(["bash", "-c", "source scripts/lib.sh && build_site"], cwd=ROOT, check=True)
    except (OSError, subprocess.CalledProcessError) as err:
        sys.exit(f"publish-site: the site did not build ({err}); nothing was uploaded")
    if not (SITE / "index.html").is_file():
        sys.exit(f"publish-site: {SITE} has no index.html after the build; nothing was uploaded")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--region", default="me-south-1")
    args = parser.parse_args()
    build_site()

    session = boto3.session.Session(region_name=args.region)
    outputs = stack_outputs(session.client("cloudformation"), args.stack)
    bucket, api_url = outputs["SiteBucketName"], outputs["ApiUrl"].rstrip("/")
    s3 = session.client("s3")
    uploaded = 0
    for path in sorted(p for p in SITE.rglob("*") if p.is_file()):
        key = path.relative_to(SITE).as_posix()
        body = path.read_bytes()
        if key == "config/runtime.json":
            body = json.dumps(
                {
                    "apiBaseUrl": api_url,
                    "staffSignIn": {
                        "domain": outputs["StaffSignInDomain"],
                        "clientId": outputs["StaffUserPoolClientId"],
                    },
                }
            ).encode()
        kind = content_type(path)
        cache = "no-cache" if kind.startswith(NO_CACHE) else "public, max-age=86400"
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=kind, CacheControl=cache)
        uploaded += 1
    session.client("cloudfront").create_invalidation(
        DistributionId=outputs["SiteDistributionId"],
        InvalidationBatch={"Paths": {"Quantity": 1, "Items": ["/*"]}, "CallerReference": str(time.time())},
    )
    print(f"uploaded {uploaded} files to s3://{bucket}; API {api_url}; site {outputs['SiteUrl']}")


if __name__ == "__main__":
    main()
