#!/usr/bin/env python3
"""SplitMix64 (Sebastiano Vigna's splitmix64.c) in plain Python, for
`splitMix64MatchesTheReferenceSequence` in SampleGeneratorTests.swift:

    python3 Tests/CandorPipelineTests/Reference/splitmix64.py

prints the first three outputs for seed 0 and the first two for seed 20260314.
"""
MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


for seed, count in [(0, 3), (20260314, 2)]:
    outputs = splitmix64(seed)
    print(seed, [next(outputs) for _ in range(count)])
