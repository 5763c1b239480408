// The generated wire types under short names. Everything that speaks the
// protocol imports from here, never from the generated file directly.
import { tandem } from './gen/tandem.js';

export const pb = tandem.v1;
export type ClientFrame = tandem.v1.ClientFrame;
export type IClientFrame = tandem.v1.IClientFrame;
export type ServerFrame = tandem.v1.ServerFrame;
export type IServerFrame = tandem.v1.IServerFrame;
export type IResult = tandem.v1.IResult;
export type IError = tandem.v1.IError;
export type IEvent = tandem.v1.IEvent;
export type IWorkItem = tandem.v1.IWorkItem;
export type IProject = tandem.v1.IProject;
export type ISprint = tandem.v1.ISprint;
export type IComment = tandem.v1.IComment;
export type IMember = tandem.v1.IMember;
export type ILabel = tandem.v1.ILabel;
export type IWorkflowStatus = tandem.v1.IWorkflowStatus;
export type IActivityEntry = tandem.v1.IActivityEntry;
export type IProjectCursor = tandem.v1.IProjectCursor;
export type ISearchHit = tandem.v1.ISearchHit;
export type ISnippetPart = tandem.v1.ISnippetPart;
export type IReport = tandem.v1.IReport;
export type IBurndown = tandem.v1.IBurndown;
export type IBurndownDay = tandem.v1.IBurndownDay;
export type IVelocity = tandem.v1.IVelocity;
export type ICumulativeFlow = tandem.v1.ICumulativeFlow;
export type ICycleTime = tandem.v1.ICycleTime;
export type ICycleItem = tandem.v1.ICycleItem;
export type ISprintSummary = tandem.v1.ISprintSummary;

/** The name of the command a ClientFrame carries (its oneof case). */
export type CommandName = NonNullable<ClientFrame['command']>;

export const ErrorCode = tandem.v1.ErrorCode;
export type ErrorCode = tandem.v1.ErrorCode;
export const ItemType = tandem.v1.ItemType;
export type ItemType = tandem.v1.ItemType;
export const Priority = tandem.v1.Priority;
export type Priority = tandem.v1.Priority;
export const StatusCategory = tandem.v1.StatusCategory;
export type StatusCategory = tandem.v1.StatusCategory;
export const SprintState = tandem.v1.SprintState;
export type SprintState = tandem.v1.SprintState;
export const Role = tandem.v1.Role;
export type Role = tandem.v1.Role;
export const ReportKind = tandem.v1.ReportKind;
export const LinkKind = tandem.v1.LinkKind;
export type LinkKind = tandem.v1.LinkKind;
export const NotificationKind = tandem.v1.NotificationKind;
export type NotificationKind = tandem.v1.NotificationKind;
export type INotification = tandem.v1.INotification;
export type INotificationNotice = tandem.v1.INotificationNotice;
export type IWorkItemLink = tandem.v1.IWorkItemLink;
export type IWorkLog = tandem.v1.IWorkLog;
export type ITimesheetDay = tandem.v1.ITimesheetDay;
export type IMemberCapacity = tandem.v1.IMemberCapacity;
export type ILinkedItem = tandem.v1.ILinkedItem;
export type IAttachment = tandem.v1.IAttachment;
export type ReportKind = tandem.v1.ReportKind;
export const CustomFieldKind = tandem.v1.CustomFieldKind;
export type CustomFieldKind = tandem.v1.CustomFieldKind;
export type ICustomField = tandem.v1.ICustomField;
export type ICustomFieldValue = tandem.v1.ICustomFieldValue;
export const ProjectTemplate = tandem.v1.ProjectTemplate;
export type ProjectTemplate = tandem.v1.ProjectTemplate;
export type ICustomItemType = tandem.v1.ICustomItemType;
