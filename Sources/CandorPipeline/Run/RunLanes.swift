import Foundation

/// How a batch of pipelines shares `--jobs`: pipelines that write to the same output folder run
/// one after another in one lane, lanes run side by side.
///
/// An output folder admits one run at a time (`OutputLock`), so two pipelines of one batch that
/// share a folder, started together, would lock each other out and fail the batch with exit 75,
/// on its own lock. Serialising them inside the batch keeps the lock's meaning for separate
/// processes (tonight's cron run against last night's) unchanged.
package enum RunLanes {
    /// The requests' indexes grouped by output folder, each lane in the order given and the
    /// lanes in the order of their first request.
    ///
    /// Folders are compared after making them absolute and resolving `.`, `..` and symbolic
    /// links, so two spellings of one folder share a lane.
    package static func lanes(_ requests: [RunRequest]) -> [[Int]] {
        var lanes: [[Int]] = []
        var laneOfFolder: [String: Int] = [:]
        for (index, request) in requests.enumerated() {
            let folder = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL.resolvingSymlinksInPath()
                .path
            if let lane = laneOfFolder[folder] {
                lanes[lane].append(index)
            } else {
                laneOfFolder[folder] = lanes.count
                lanes.append([index])
            }
        }
        return lanes
    }
}
