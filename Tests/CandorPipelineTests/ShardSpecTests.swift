import CandorPipeline
import Testing

/// `--shard I/N` and `--shard auto/N` from a Kubernetes or Slurm environment.
@Suite struct ShardSpecTests {
    @Test func anExplicitShard() throws {
        #expect(try ShardSpec(parsing: "2/4", environment: [:]) == ShardSpec(index: 2, count: 4))
    }

    @Test func kubernetesCountsFromZero() throws {
        #expect(try ShardSpec(parsing: "auto/4", environment: ["JOB_COMPLETION_INDEX": "0"]).index == 1)
        #expect(try ShardSpec(parsing: "auto/4", environment: ["JOB_COMPLETION_INDEX": "3"]).index == 4)
    }

    @Test func slurmCountsFromTheArraysMinimum() throws {
        let environment = ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10"]
        #expect(try ShardSpec(parsing: "auto/3", environment: environment).index == 3)
    }

    @Test func badShardsAreUsageErrors() {
        #expect(throws: RunFailure(.usage, "--shard 5/4: shard 5 is not between 1 and 4")) {
            _ = try ShardSpec(parsing: "5/4", environment: [:])
        }
        #expect(throws: RunFailure(.usage, "--shard 0/4: shard 0 is not between 1 and 4")) {
            _ = try ShardSpec(parsing: "0/4", environment: [:])
        }
        #expect(throws: RunFailure(.usage, "--shard 2: expected I/N or auto/N with N ≥ 1, like 2/4")) {
            _ = try ShardSpec(parsing: "2", environment: [:])
        }
        #expect(
            throws: RunFailure(
                .usage,
                "--shard auto/2: neither JOB_COMPLETION_INDEX (Kubernetes) nor SLURM_ARRAY_TASK_ID (Slurm) is set")
        ) { _ = try ShardSpec(parsing: "auto/2", environment: [:]) }
        // Kubernetes index 4 is the fifth shard of four.
        #expect(throws: RunFailure(.usage, "--shard auto/4: shard 5 is not between 1 and 4")) {
            _ = try ShardSpec(parsing: "auto/4", environment: ["JOB_COMPLETION_INDEX": "4"])
        }
    }
}
