import Testing

@testable import ExptRunner

/// `--shard` values and the schedulers' environment variables, errors word for word.
struct ShardArgumentTests {
    static let resolved: [(argument: String, environment: [String: String], shard: String)] = [
        ("0/4", [:], "0/4"),
        ("3/4", ["EXPT_SHARD_INDEX": "1"], "3/4"),
        ("auto", ["EXPT_SHARD_INDEX": "2", "EXPT_SHARD_COUNT": "5"], "2/5"),
        ("auto/5", ["EXPT_SHARD_INDEX": "2"], "2/5"),
        ("auto/5", ["EXPT_SHARD_INDEX": "2", "EXPT_SHARD_COUNT": "5"], "2/5"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"], "3/4"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "4"], "0/4"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"], "3/4"),
        ("auto/4", ["SLURM_ARRAY_TASK_ID": "2"], "2/4"),
        ("auto/3", ["JOB_COMPLETION_INDEX": "1"], "1/3"),
        ("auto/3", ["JOB_COMPLETION_INDEX": "0", "EXPT_SHARD_INDEX": "2"], "2/3"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2", "EXPT_SHARD_INDEX": "0", "EXPT_SHARD_COUNT": "2"], "0/2"),
        ("auto/2", ["SLURM_ARRAY_TASK_ID": "1", "JOB_COMPLETION_INDEX": "0"], "1/2"),
    ]

    @Test(arguments: resolved)
    func theShardComesFromTheArgumentOrTheEnvironment(argument: String, environment: [String: String], shard: String) throws {
        let resolved = try ShardArgument(parsing: argument).resolve(environment: environment)
        #expect(resolved.description == shard)
    }

    static let malformed: [(argument: String, message: String)] = [
        ("4/4", #"--shard "4/4": expected a shard index from 0 to 3 (shards are numbered from 0), found 4"#),
        ("0/0", #"--shard "0/0": expected a shard count of at least 1, found 0"#),
        ("auto/0", #"--shard "auto/0": expected a shard count of at least 1, found 0"#),
        ("1", #"--shard "1": expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto"#),
        ("-1/4", #"--shard "-1/4": expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto"#),
        ("1/2/3", #"--shard "1/2/3": expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto"#),
        (" 1/2", #"--shard " 1/2": expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto"#),
        ("auto/", #"--shard "auto/": expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto"#),
        ("1/99999999999999999999", #"--shard "1/99999999999999999999": expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto"#),
    ]

    @Test(arguments: malformed)
    func aMalformedArgumentIsRefused(argument: String, message: String) {
        #expect(throws: ShardError(message)) { try ShardArgument(parsing: argument) }
    }

    static let unusableEnvironments: [(argument: String, environment: [String: String], message: String)] = [
        ("auto", [:],
         "--shard auto: no shard index in the environment; set EXPT_SHARD_INDEX, or run as a Slurm array task (SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job pod (JOB_COMPLETION_INDEX)"),
        ("auto", ["JOB_COMPLETION_INDEX": "2"], "--shard auto: JOB_COMPLETION_INDEX gives no shard count; pass --shard auto/N"),
        ("auto", ["EXPT_SHARD_INDEX": "2"], "--shard auto: EXPT_SHARD_INDEX gives no shard count; pass --shard auto/N"),
        ("auto/3", ["JOB_COMPLETION_INDEX": "3"], "--shard auto/3: JOB_COMPLETION_INDEX gives shard 3, outside the 3 shards 0 to 2"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "8", "SLURM_ARRAY_TASK_COUNT": "8"], "--shard auto: SLURM_ARRAY_TASK_ID gives shard 8, outside the 8 shards 0 to 7"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"],
         "--shard auto: SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN gives shard 8, outside the 8 shards 0 to 7"),
        ("auto", ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"],
         "--shard auto: SLURM_ARRAY_TASK_ID is 0, below SLURM_ARRAY_TASK_MIN 1"),
        ("auto/4", ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8"], "--shard auto/4: SLURM_ARRAY_TASK_COUNT is 8, not 4"),
        ("auto/4", ["EXPT_SHARD_INDEX": "1", "EXPT_SHARD_COUNT": "2"], "--shard auto/4: EXPT_SHARD_COUNT is 2, not 4"),
        ("auto", ["EXPT_SHARD_INDEX": "0", "EXPT_SHARD_COUNT": "0"], "--shard auto: EXPT_SHARD_COUNT is 0, expected at least 1"),
        ("auto/2", ["JOB_COMPLETION_INDEX": ""], #"--shard auto/2: JOB_COMPLETION_INDEX is "", expected a non-negative integer"#),
        ("auto/2", ["SLURM_ARRAY_TASK_ID": "x1"], #"--shard auto/2: SLURM_ARRAY_TASK_ID is "x1", expected a non-negative integer"#),
        ("auto", ["EXPT_SHARD_INDEX": "1", "EXPT_SHARD_COUNT": "-2"], #"--shard auto: EXPT_SHARD_COUNT is "-2", expected a non-negative integer"#),
    ]

    @Test(arguments: unusableEnvironments)
    func anUnusableEnvironmentIsRefused(argument: String, environment: [String: String], message: String) throws {
        let parsed = try ShardArgument(parsing: argument)
        #expect(throws: ShardError(message)) { try parsed.resolve(environment: environment) }
    }
}
