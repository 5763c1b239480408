// Bumped with every change to proto/tandem.proto; a test pins the descriptor's
// hash to this version so the contract cannot drift silently.
//
// Changelog
// 1: the v1 contract of docs/PROTOCOL.md, plus CreateWorkItem.before_id,
//    Error.project_id (names the project of a RESYNC_REQUIRED),
//    WorkItem.has_story_points, UpdateWorkItem.set_labels, Label, ActivityEntry.
// 2: list_users (ListUsers -> Result.users, a UserList of User).
// 3: PresenceChanged.session_id.
// 4: Subscribe.changed_fields_only and WorkItemChanged.partial (opt-in: a
//    subscriber that asks gets ordinary work item changes as partial items).
// 5: ErrorCode UNAVAILABLE (10): a write the server cannot store now (a full
//    disk), with retry_after_ms; the write stays queued and goes again.
// 6: GetBoard.omit_descriptions and WorkItem.description_omitted (a board of
//    compact cards), get_work_item (16) for one whole item.
// 7: search (17) -> Result.search_results (22): SearchResults of SearchHit
//    with SnippetPart.
// 8: get_report (18) -> Result.report (23): burndown, velocity, cumulative
//    flow and cycle time of a project (ReportKind, Report and its parts).
// 9: WorkItem.start_date/due_date (24, 25, and on CreateWorkItem and
//    UpdateWorkItem); links: link_work_items (39), unlink_work_items (40),
//    WorkItemLink, LinkKind, LinkedItem, Board.links/linked_items, Event
//    link (16), Result.link (25); list_deleted_work_items (19) ->
//    Result.work_items (24), a WorkItemList.
// 10: notifications: list_notifications (41), mark_notifications_read (42),
//    watch_work_item (43), unwatch_work_item (44), set_notification_settings
//    (45); Notification, NotificationKind, NotificationList (Result 26),
//    WatchState (Result 27), ServerFrame.notification (13, a
//    NotificationNotice); WorkItem.watching (26).
// 11: get_my_work (46) -> Result.my_work (28): MyWork.
// 12: time tracking: WorkItem estimates and logged_minutes (27-31, and on
//    create and update); WorkLog, log_work (47), edit_work_log (48),
//    delete_work_log (49), start_timer (50), stop_timer (51), get_work_logs
//    (52), get_timesheet (53), get_timer (54); Result.work_log/work_logs/
//    timesheet/timer (29-32); Event.work_log (17).
// 13: attachments: list_attachments (61) -> Result.attachments (40), an
//    AttachmentList; delete_attachment (60) -> Result.attachment (41);
//    Attachment; Event.attachment (20, AttachmentChanged). The bytes go over
//    HTTP (POST/GET /api/attachments), not the socket.
// 14: capacity planning: set_sprint_capacity (55), MemberCapacity,
//    Sprint.capacity (11).
// 15: project settings: update_project (62), archive_project (63),
//    restore_project (64), delete_project (65), delete_sprint (66);
//    Project.archived_at/former_keys/deleted_at (10-12), Sprint.deleted_at
//    (12), ListProjects.include_archived (1).
// 16: workflow and pull mode: set_workflow (67) -> Result.project, with
//    WorkflowStatusSpec and StatusRemoval; release_work_item (68) ->
//    Result.work_item; WorkflowStatus.wip_limit (5), Project.pull_mode (13),
//    UpdateProject.pull_mode (6).
// 17: custom fields: set_custom_fields (69) -> Result.project, with
//    CustomFieldSpec; CustomField, CustomFieldKind, CustomFieldValue;
//    Project.custom_fields (14), WorkItem.custom_fields (32),
//    CreateWorkItem.custom_fields (18), UpdateWorkItem.custom_fields (19).
// 18: item types and templates: set_item_types (70) -> Result.project, with
//    CustomItemTypeSpec; CustomItemType, Project.item_types (15),
//    WorkItem.custom_type_id (33), CreateWorkItem.custom_type_id (19),
//    UpdateWorkItem.custom_type_id (20); ProjectTemplate and
//    CreateProject.template (4).
// 19: first screen first: GetBoard.first_cards_per_column (3) and
//    Board.items_left_out (10).
export const PROTOCOL_VERSION = 19;
