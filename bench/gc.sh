#!/usr/bin/env bash
# The collector's programs, one P on both sides (see compare.sh for flags
# and environment).
PROGRAMS="binarytrees churn deferpanic" PROCS=${PROCS:-1} exec "$(dirname "$0")/compare.sh" "$@"
