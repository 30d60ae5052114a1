#!/usr/bin/env bash
# A two-worker Spark standalone cluster on 127.0.0.1, started from the Spark jars Maven brought (no Spark
# distribution): runs a small sweep on it and checks that table.csv and seeds.csv equal, byte for byte, those of
# the local engine with one thread. Master and workers are stopped by the process ids recorded when they started
# (a trap, so also on failure). Usage: spark/cluster-test.sh [SWEEP_FILE] (after mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
sweep="${1:-$root/spark/src/test/resources/cluster-sweep.json}"
cp_file="$root/spark/target/classpath.txt"
[ -f "$cp_file" ] || { echo "cluster-test: $cp_file is missing; build with mvn -B -DskipTests package" >&2; exit 2; }
spark_cp="$root/harness/target/classes:$root/spark/target/classes:$(cat "$cp_file")"
read -r -a flags <<< "$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$root/spark/pom.xml")"

work="$(mktemp -d)"
pids=()
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf -- "$work"
}
trap stop EXIT

# A free port: one the kernel hands out for an ephemeral bind (a race with other programs is possible, not likely).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A worker launches each executor through Spark's launcher library, which builds the executor's command line from
# $SPARK_HOME/jars (it refuses a home without a RELEASE file or jars/ directory, and asks SPARK_SCALA_VERSION when
# it cannot tell the Scala version from the home's layout). A temporary home whose jars/ links the Maven jars
# satisfies it; the executors also get the driver's classpath (spark.executor.extraClassPath) for vaevar's classes.
home="$work/spark-home"
mkdir -p "$home/jars" "$home/conf"
touch "$home/RELEASE"
tr ':' '\n' < "$cp_file" | while read -r j; do [ -f "$j" ] && ln -sf "$j" "$home/jars/"; done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/local"
# The executors' JVMs need the same --add-opens flags as the driver on Java 17.
export SPARK_WORKER_OPTS="" SPARK_EXECUTOR_OPTS="${flags[*]}"

port="$(free_port)"
ui="$(free_port)"
java "${flags[@]}" -cp "$spark_cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port "$ui" > "$work/master.log" 2>&1 &
pids+=("$!")
for _ in $(seq 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 1
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { cat "$work/master.log" >&2; echo "cluster-test: no master" >&2; exit 1; }
for w in 1 2; do
  java "${flags[@]}" -cp "$spark_cp" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" \
    --host 127.0.0.1 --cores 1 --memory 1g --webui-port "$(free_port)" --work-dir "$work/worker$w" \
    > "$work/worker$w.log" 2>&1 &
  pids+=("$!")
done
# Registered workers, from the master's JSON status page (its log holds warnings only).
alive() {
  python3 -c 'import json,sys,urllib.request
try: print(json.load(urllib.request.urlopen(sys.argv[1], timeout=2)).get("aliveworkers", 0))
except Exception: print(0)' "http://127.0.0.1:$ui/json/"
}
for _ in $(seq 60); do
  [ "$(alive)" -ge 2 ] && break
  sleep 1
done
[ "$(alive)" -ge 2 ] || { cat "$work"/*.log >&2; echo "cluster-test: the workers did not register" >&2; exit 1; }

t0=$(date +%s.%N)
./vaevar sweep "$sweep" --engine local --threads 1 --out "$work/local" > "$work/local.out" 2>&1 \
  || { cat "$work/local.out" >&2; exit 1; }
t1=$(date +%s.%N)
./vaevar sweep "$sweep" --engine spark --master "spark://127.0.0.1:$port" --threads 2 --out "$work/cluster" \
  > "$work/cluster.out" 2>&1 || { cat "$work/cluster.out" "$work"/worker*/*/*/stderr >&2 2>/dev/null; exit 1; }
t2=$(date +%s.%N)
# The same through spark-submit (Spark's own SparkSubmit class from the Maven jars) with the module's jar as the
# application: it runs vaevar's CLI as the driver in client mode, the executors on the two workers.
java "${flags[@]}" -Xss8m -Djava.awt.headless=true -Dvaevar.home="$root" -Dvaevar.spark.jvmFlags="${flags[*]}" \
  -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$port" \
  --class org.vaevar.harness.cli.Main "$(ls "$root"/spark/target/vaevar-spark-*.jar | head -1)" \
  sweep "$sweep" --engine spark --master "spark://127.0.0.1:$port" --threads 2 --out "$work/submit" \
  > "$work/submit.out" 2>&1 || { cat "$work/submit.out" >&2; exit 1; }
t3=$(date +%s.%N)
for run in cluster submit; do
  for f in table.csv seeds.csv; do
    cmp "$work/local/$f" "$work/$run/$f" || { echo "cluster-test: $f of $run differs from the local engine's" >&2; exit 1; }
  done
done
# The executors that ran the tasks: two JVMs, not the driver.
workers=$(tail -n +2 "$work/cluster/timing.csv" | awk -F, '{split($NF, w, "/"); print w[1]}' | sort -u | wc -l)
[ "$workers" -ge 2 ] || { echo "cluster-test: the tasks ran in $workers executor JVM(s), not on both workers" >&2; exit 1; }
printf 'cluster-test: ok: table.csv and seeds.csv identical; wall time of the command: local 1 thread %.1f s, ' \
  "$(echo "$t1 - $t0" | bc)"
printf 'cluster --master %.1f s, spark-submit %.1f s; tasks ran in %d executor JVMs\n' \
  "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$workers"
for run in local cluster submit; do   # the sweep's own wall time (tasks only, after the engine started)
  echo "cluster-test: $run: $(grep -o 'wall time [0-9.]* s on .*' "$work/$run.out")"
done
