/// Which shard of how many a `candor run --shard` process computes: `I/N` with `I` from 1,
/// or `auto/N`, `I` then taken from the scheduler's environment.
package struct ShardSpec: Sendable, Equatable {
    /// The shard, from 1.
    package var index: Int
    /// The number of shards.
    package var count: Int

    /// Shard `index` of `count`.
    package init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N` or `auto/N`; `environment` supplies `auto`'s index: a Kubernetes Indexed
    /// Job's `JOB_COMPLETION_INDEX` + 1 (it counts from 0), else a Slurm array's
    /// `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` + 1.
    /// - Throws: `RunFailure(.usage)` naming what is wrong.
    package init(parsing text: String, environment: [String: String]) throws(RunFailure) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]), count >= 1 else {
            throw RunFailure(.usage, "--shard \(text): expected I/N or auto/N with N ≥ 1, like 2/4")
        }
        let index: Int
        if parts[0] == "auto" {
            if let completion = environment["JOB_COMPLETION_INDEX"].flatMap({ Int($0) }) {
                index = completion + 1
            } else if let task = environment["SLURM_ARRAY_TASK_ID"].flatMap({ Int($0) }) {
                index = task - (environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0) + 1
            } else {
                throw RunFailure(
                    .usage,
                    "--shard auto/\(count): neither JOB_COMPLETION_INDEX (Kubernetes) nor SLURM_ARRAY_TASK_ID (Slurm) is set"
                )
            }
        } else {
            guard let given = Int(parts[0]) else {
                throw RunFailure(.usage, "--shard \(text): expected I/N or auto/N with N ≥ 1, like 2/4")
            }
            index = given
        }
        guard (1...count).contains(index) else {
            throw RunFailure(.usage, "--shard \(text): shard \(index) is not between 1 and \(count)")
        }
        self.init(index: index, count: count)
    }
}
