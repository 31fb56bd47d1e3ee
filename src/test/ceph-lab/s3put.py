#!/usr/bin/python3
"""Small S3 writes for the end-to-end suite (rgwmon.e2e), on top of s3load.py's client.

  s3put.py put BUCKET PREFIX COUNT [SIZE]   create BUCKET on us-east if missing, then write COUNT
                                           objects PREFIX-00000.. of SIZE bytes (default: varied,
                                           under 1 KiB); prints "BUCKET COUNT-IN-BUCKET"
  s3put.py count east|west BUCKET          object count of BUCKET as listed through that zone's S3

Same environment as s3load.py (CEPH_LAB_EAST_ENDPOINT, CEPH_LAB_ACCESS_KEY, ...). Deterministic:
the same names and bytes on every run. Run with /usr/bin/python3 (Debian's python3-boto3).
"""
import sys

import s3load


def put(bucket, prefix, count, size=None):
    s3 = s3load.client(s3load.EAST)
    s3load.ensure_bucket(s3, bucket)
    keys = [f"{prefix}-{i:05d}" for i in range(int(count))]
    s3load.put_many(s3, bucket, keys, int(size) if size is not None else None)
    print(bucket, count_objects(s3, bucket))


def count_objects(s3, bucket):
    n = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        n += page.get("KeyCount", 0)
    return n


def count(zone, bucket):
    s3 = s3load.client(s3load.EAST if zone == "east" else s3load.WEST)
    print(count_objects(s3, bucket))


def main(argv):
    cmds = {"put": put, "count": count}
    if len(argv) < 2 or argv[1] not in cmds:
        print(__doc__)
        return 2
    cmds[argv[1]](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
