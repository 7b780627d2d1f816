import PhotoModel
import PhotoStore

extension RunWork {
    /// The counts the work plan fixes before anything is read (`decoded` comes after).
    init(plan: WorkPlan, catalogue: [PathKey: PhotoRow]) {
        self.init()
        scanned = plan.reused.count + plan.toRead.count + plan.settling.count
        unchanged = plan.reused.count
        changed = plan.toRead.filter { catalogue[$0.key] != nil }.count
        new = plan.toRead.count - changed
        settling = plan.settling.count
        removed = plan.removed.count
        otherShards = plan.otherShards
    }
}
