"""Runs the README's PySpark example for real and checks what comes back.

Fixtures become JSON Lines records, Spark (a local[2] master) pipes them
through `claimcheck verify --input-format jsonl` exactly as the README's
example does, and the verdicts Spark collects must be the ones claimcheck
gives when run on the same records directly: same figures, same verdicts,
with at least one contradiction among them.

Usage: check_claims.py CLAIMCHECK_BINARY REFERENCE_CSV ARTICLE...
"""

import json
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

from pyspark.sql import SparkSession


def main():
    # The README's example is written for the RDD that toJSON returns today.
    warnings.filterwarnings("ignore", message="The return type of DataFrame.toJSON")
    binary, reference, *articles = sys.argv[1:]
    binary = str(Path(binary).resolve())
    reference = str(Path(reference).resolve())
    command = (
        f"{binary} verify --input-format jsonl --exit-zero --threads 1 "
        f"--reference {reference} -"
    )
    with tempfile.TemporaryDirectory() as folder:
        records = Path(folder) / "articles.jsonl"
        with records.open("w", encoding="utf-8") as out:
            for article in articles:
                text = Path(article).read_text(encoding="utf-8")
                out.write(json.dumps({"id": article, "text": text}) + "\n")

        direct = subprocess.run(
            command.split(),
            input=records.read_bytes(),
            capture_output=True,
            check=True,
        )
        expected = sorted(
            json.dumps(json.loads(line), sort_keys=True)
            for line in direct.stdout.decode().splitlines()
        )

        spark = (
            SparkSession.builder.master("local[2]")
            .appName("claimcheck")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        frame = spark.read.json(str(records)).repartition(2)
        results = frame.toJSON().pipe(command, checkCode=True).cache()
        piped = sorted(
            json.dumps(json.loads(line), sort_keys=True) for line in results.collect()
        )
        verdicts = spark.read.json(results)
        counts = {
            row["verdict"]: row["count"]
            for row in verdicts.groupBy("verdict").count().collect()
        }
        spark.stop()

    if piped != expected:
        missing = sorted(set(expected) - set(piped))
        extra = sorted(set(piped) - set(expected))
        sys.exit(f"spark-check: Spark's verdicts differ\nmissing: {missing}\nextra: {extra}")
    if not counts.get("contradicted"):
        sys.exit(f"spark-check: no contradiction came back: {counts}")
    summary = ", ".join(f"{count} {verdict}" for verdict, count in sorted(counts.items()))
    print(
        f"spark-check: {len(articles)} records in, {len(piped)} verdicts out "
        f"through RDD.pipe on local[2], as claimcheck gives them directly ({summary})"
    )


if __name__ == "__main__":
    main()
