import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace tandem {

    namespace v1 {

        interface IClientFrame {
            messageId?: (string|null);
            listProjects?: (tandem.v1.IListProjects|null);
            getBoard?: (tandem.v1.IGetBoard|null);
            getHistory?: (tandem.v1.IGetHistory|null);
            getComments?: (tandem.v1.IGetComments|null);
            subscribe?: (tandem.v1.ISubscribe|null);
            unsubscribe?: (tandem.v1.IUnsubscribe|null);
            getWorkItem?: (tandem.v1.IGetWorkItem|null);
            search?: (tandem.v1.ISearch|null);
            getReport?: (tandem.v1.IGetReport|null);
            listDeletedWorkItems?: (tandem.v1.IListDeletedWorkItems|null);
            getMyWork?: (tandem.v1.IGetMyWork|null);
            getWorkLogs?: (tandem.v1.IGetWorkLogs|null);
            getTimesheet?: (tandem.v1.IGetTimesheet|null);
            getTimer?: (tandem.v1.IGetTimer|null);
            createProject?: (tandem.v1.ICreateProject|null);
            createWorkItem?: (tandem.v1.ICreateWorkItem|null);
            updateWorkItem?: (tandem.v1.IUpdateWorkItem|null);
            moveWorkItem?: (tandem.v1.IMoveWorkItem|null);
            deleteWorkItem?: (tandem.v1.IDeleteWorkItem|null);
            restoreWorkItem?: (tandem.v1.IRestoreWorkItem|null);
            claimWorkItem?: (tandem.v1.IClaimWorkItem|null);
            addComment?: (tandem.v1.IAddComment|null);
            editComment?: (tandem.v1.IEditComment|null);
            deleteComment?: (tandem.v1.IDeleteComment|null);
            createSprint?: (tandem.v1.ICreateSprint|null);
            updateSprint?: (tandem.v1.IUpdateSprint|null);
            startSprint?: (tandem.v1.IStartSprint|null);
            completeSprint?: (tandem.v1.ICompleteSprint|null);
            addMember?: (tandem.v1.IAddMember|null);
            changeMemberRole?: (tandem.v1.IChangeMemberRole|null);
            removeMember?: (tandem.v1.IRemoveMember|null);
            setPresence?: (tandem.v1.ISetPresence|null);
            listUsers?: (tandem.v1.IListUsers|null);
            linkWorkItems?: (tandem.v1.ILinkWorkItems|null);
            unlinkWorkItems?: (tandem.v1.IUnlinkWorkItems|null);
            listNotifications?: (tandem.v1.IListNotifications|null);
            markNotificationsRead?: (tandem.v1.IMarkNotificationsRead|null);
            watchWorkItem?: (tandem.v1.IWatchWorkItem|null);
            unwatchWorkItem?: (tandem.v1.IUnwatchWorkItem|null);
            setNotificationSettings?: (tandem.v1.ISetNotificationSettings|null);
            logWork?: (tandem.v1.ILogWork|null);
            editWorkLog?: (tandem.v1.IEditWorkLog|null);
            deleteWorkLog?: (tandem.v1.IDeleteWorkLog|null);
            startTimer?: (tandem.v1.IStartTimer|null);
            stopTimer?: (tandem.v1.IStopTimer|null);
            setSprintCapacity?: (tandem.v1.ISetSprintCapacity|null);
            deleteAttachment?: (tandem.v1.IDeleteAttachment|null);
            listAttachments?: (tandem.v1.IListAttachments|null);
            updateProject?: (tandem.v1.IUpdateProject|null);
            archiveProject?: (tandem.v1.IArchiveProject|null);
            restoreProject?: (tandem.v1.IRestoreProject|null);
            deleteProject?: (tandem.v1.IDeleteProject|null);
            deleteSprint?: (tandem.v1.IDeleteSprint|null);
            setWorkflow?: (tandem.v1.ISetWorkflow|null);
            releaseWorkItem?: (tandem.v1.IReleaseWorkItem|null);
            setCustomFields?: (tandem.v1.ISetCustomFields|null);
            setItemTypes?: (tandem.v1.ISetItemTypes|null);
        }

        class ClientFrame implements IClientFrame {
            constructor(p?: tandem.v1.IClientFrame);
            public messageId: string;
            public listProjects?: (tandem.v1.IListProjects|null);
            public getBoard?: (tandem.v1.IGetBoard|null);
            public getHistory?: (tandem.v1.IGetHistory|null);
            public getComments?: (tandem.v1.IGetComments|null);
            public subscribe?: (tandem.v1.ISubscribe|null);
            public unsubscribe?: (tandem.v1.IUnsubscribe|null);
            public getWorkItem?: (tandem.v1.IGetWorkItem|null);
            public search?: (tandem.v1.ISearch|null);
            public getReport?: (tandem.v1.IGetReport|null);
            public listDeletedWorkItems?: (tandem.v1.IListDeletedWorkItems|null);
            public getMyWork?: (tandem.v1.IGetMyWork|null);
            public getWorkLogs?: (tandem.v1.IGetWorkLogs|null);
            public getTimesheet?: (tandem.v1.IGetTimesheet|null);
            public getTimer?: (tandem.v1.IGetTimer|null);
            public createProject?: (tandem.v1.ICreateProject|null);
            public createWorkItem?: (tandem.v1.ICreateWorkItem|null);
            public updateWorkItem?: (tandem.v1.IUpdateWorkItem|null);
            public moveWorkItem?: (tandem.v1.IMoveWorkItem|null);
            public deleteWorkItem?: (tandem.v1.IDeleteWorkItem|null);
            public restoreWorkItem?: (tandem.v1.IRestoreWorkItem|null);
            public claimWorkItem?: (tandem.v1.IClaimWorkItem|null);
            public addComment?: (tandem.v1.IAddComment|null);
            public editComment?: (tandem.v1.IEditComment|null);
            public deleteComment?: (tandem.v1.IDeleteComment|null);
            public createSprint?: (tandem.v1.ICreateSprint|null);
            public updateSprint?: (tandem.v1.IUpdateSprint|null);
            public startSprint?: (tandem.v1.IStartSprint|null);
            public completeSprint?: (tandem.v1.ICompleteSprint|null);
            public addMember?: (tandem.v1.IAddMember|null);
            public changeMemberRole?: (tandem.v1.IChangeMemberRole|null);
            public removeMember?: (tandem.v1.IRemoveMember|null);
            public setPresence?: (tandem.v1.ISetPresence|null);
            public listUsers?: (tandem.v1.IListUsers|null);
            public linkWorkItems?: (tandem.v1.ILinkWorkItems|null);
            public unlinkWorkItems?: (tandem.v1.IUnlinkWorkItems|null);
            public listNotifications?: (tandem.v1.IListNotifications|null);
            public markNotificationsRead?: (tandem.v1.IMarkNotificationsRead|null);
            public watchWorkItem?: (tandem.v1.IWatchWorkItem|null);
            public unwatchWorkItem?: (tandem.v1.IUnwatchWorkItem|null);
            public setNotificationSettings?: (tandem.v1.ISetNotificationSettings|null);
            public logWork?: (tandem.v1.ILogWork|null);
            public editWorkLog?: (tandem.v1.IEditWorkLog|null);
            public deleteWorkLog?: (tandem.v1.IDeleteWorkLog|null);
            public startTimer?: (tandem.v1.IStartTimer|null);
            public stopTimer?: (tandem.v1.IStopTimer|null);
            public setSprintCapacity?: (tandem.v1.ISetSprintCapacity|null);
            public deleteAttachment?: (tandem.v1.IDeleteAttachment|null);
            public listAttachments?: (tandem.v1.IListAttachments|null);
            public updateProject?: (tandem.v1.IUpdateProject|null);
            public archiveProject?: (tandem.v1.IArchiveProject|null);
            public restoreProject?: (tandem.v1.IRestoreProject|null);
            public deleteProject?: (tandem.v1.IDeleteProject|null);
            public deleteSprint?: (tandem.v1.IDeleteSprint|null);
            public setWorkflow?: (tandem.v1.ISetWorkflow|null);
            public releaseWorkItem?: (tandem.v1.IReleaseWorkItem|null);
            public setCustomFields?: (tandem.v1.ISetCustomFields|null);
            public setItemTypes?: (tandem.v1.ISetItemTypes|null);
            public command?: ("listProjects"|"getBoard"|"getHistory"|"getComments"|"subscribe"|"unsubscribe"|"getWorkItem"|"search"|"getReport"|"listDeletedWorkItems"|"getMyWork"|"getWorkLogs"|"getTimesheet"|"getTimer"|"createProject"|"createWorkItem"|"updateWorkItem"|"moveWorkItem"|"deleteWorkItem"|"restoreWorkItem"|"claimWorkItem"|"addComment"|"editComment"|"deleteComment"|"createSprint"|"updateSprint"|"startSprint"|"completeSprint"|"addMember"|"changeMemberRole"|"removeMember"|"setPresence"|"listUsers"|"linkWorkItems"|"unlinkWorkItems"|"listNotifications"|"markNotificationsRead"|"watchWorkItem"|"unwatchWorkItem"|"setNotificationSettings"|"logWork"|"editWorkLog"|"deleteWorkLog"|"startTimer"|"stopTimer"|"setSprintCapacity"|"deleteAttachment"|"listAttachments"|"updateProject"|"archiveProject"|"restoreProject"|"deleteProject"|"deleteSprint"|"setWorkflow"|"releaseWorkItem"|"setCustomFields"|"setItemTypes");
            public static create(properties?: tandem.v1.IClientFrame): tandem.v1.ClientFrame;
            public static encode(m: tandem.v1.IClientFrame, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IClientFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ClientFrame;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ClientFrame;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ClientFrame;
            public static toObject(m: tandem.v1.ClientFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IServerFrame {
            messageId?: (string|null);
            serverTimeMs?: (number|null);
            result?: (tandem.v1.IResult|null);
            error?: (tandem.v1.IError|null);
            event?: (tandem.v1.IEvent|null);
            notification?: (tandem.v1.INotificationNotice|null);
        }

        class ServerFrame implements IServerFrame {
            constructor(p?: tandem.v1.IServerFrame);
            public messageId: string;
            public serverTimeMs: number;
            public result?: (tandem.v1.IResult|null);
            public error?: (tandem.v1.IError|null);
            public event?: (tandem.v1.IEvent|null);
            public notification?: (tandem.v1.INotificationNotice|null);
            public payload?: ("result"|"error"|"event"|"notification");
            public static create(properties?: tandem.v1.IServerFrame): tandem.v1.ServerFrame;
            public static encode(m: tandem.v1.IServerFrame, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IServerFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ServerFrame;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ServerFrame;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ServerFrame;
            public static toObject(m: tandem.v1.ServerFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IResult {
            seq?: (number|null);
            project?: (tandem.v1.IProject|null);
            workItem?: (tandem.v1.IWorkItem|null);
            comment?: (tandem.v1.IComment|null);
            sprint?: (tandem.v1.ISprint|null);
            member?: (tandem.v1.IMember|null);
            projects?: (tandem.v1.IProjectList|null);
            board?: (tandem.v1.IBoard|null);
            history?: (tandem.v1.IHistory|null);
            comments?: (tandem.v1.ICommentList|null);
            subscribed?: (tandem.v1.ISubscribed|null);
            ok?: (tandem.v1.IEmpty|null);
            users?: (tandem.v1.IUserList|null);
            searchResults?: (tandem.v1.ISearchResults|null);
            report?: (tandem.v1.IReport|null);
            workItems?: (tandem.v1.IWorkItemList|null);
            link?: (tandem.v1.IWorkItemLink|null);
            notifications?: (tandem.v1.INotificationList|null);
            watch?: (tandem.v1.IWatchState|null);
            myWork?: (tandem.v1.IMyWork|null);
            workLog?: (tandem.v1.IWorkLog|null);
            workLogs?: (tandem.v1.IWorkLogList|null);
            timesheet?: (tandem.v1.ITimesheet|null);
            timer?: (tandem.v1.ITimer|null);
            attachments?: (tandem.v1.IAttachmentList|null);
            attachment?: (tandem.v1.IAttachment|null);
        }

        class Result implements IResult {
            constructor(p?: tandem.v1.IResult);
            public seq: number;
            public project?: (tandem.v1.IProject|null);
            public workItem?: (tandem.v1.IWorkItem|null);
            public comment?: (tandem.v1.IComment|null);
            public sprint?: (tandem.v1.ISprint|null);
            public member?: (tandem.v1.IMember|null);
            public projects?: (tandem.v1.IProjectList|null);
            public board?: (tandem.v1.IBoard|null);
            public history?: (tandem.v1.IHistory|null);
            public comments?: (tandem.v1.ICommentList|null);
            public subscribed?: (tandem.v1.ISubscribed|null);
            public ok?: (tandem.v1.IEmpty|null);
            public users?: (tandem.v1.IUserList|null);
            public searchResults?: (tandem.v1.ISearchResults|null);
            public report?: (tandem.v1.IReport|null);
            public workItems?: (tandem.v1.IWorkItemList|null);
            public link?: (tandem.v1.IWorkItemLink|null);
            public notifications?: (tandem.v1.INotificationList|null);
            public watch?: (tandem.v1.IWatchState|null);
            public myWork?: (tandem.v1.IMyWork|null);
            public workLog?: (tandem.v1.IWorkLog|null);
            public workLogs?: (tandem.v1.IWorkLogList|null);
            public timesheet?: (tandem.v1.ITimesheet|null);
            public timer?: (tandem.v1.ITimer|null);
            public attachments?: (tandem.v1.IAttachmentList|null);
            public attachment?: (tandem.v1.IAttachment|null);
            public value?: ("project"|"workItem"|"comment"|"sprint"|"member"|"projects"|"board"|"history"|"comments"|"subscribed"|"ok"|"users"|"searchResults"|"report"|"workItems"|"link"|"notifications"|"watch"|"myWork"|"workLog"|"workLogs"|"timesheet"|"timer"|"attachments"|"attachment");
            public static create(properties?: tandem.v1.IResult): tandem.v1.Result;
            public static encode(m: tandem.v1.IResult, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IResult, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Result;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Result;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Result;
            public static toObject(m: tandem.v1.Result, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IError {
            code?: (tandem.v1.ErrorCode|null);
            message?: (string|null);
            field?: (string|null);
            retryAfterMs?: (number|null);
            workItem?: (tandem.v1.IWorkItem|null);
            comment?: (tandem.v1.IComment|null);
            sprint?: (tandem.v1.ISprint|null);
            project?: (tandem.v1.IProject|null);
            projectId?: (string|null);
        }

        class Error implements IError {
            constructor(p?: tandem.v1.IError);
            public code: tandem.v1.ErrorCode;
            public message: string;
            public field: string;
            public retryAfterMs: number;
            public workItem?: (tandem.v1.IWorkItem|null);
            public comment?: (tandem.v1.IComment|null);
            public sprint?: (tandem.v1.ISprint|null);
            public project?: (tandem.v1.IProject|null);
            public projectId: string;
            public current?: ("workItem"|"comment"|"sprint"|"project");
            public static create(properties?: tandem.v1.IError): tandem.v1.Error;
            public static encode(m: tandem.v1.IError, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IError, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Error;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Error;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Error;
            public static toObject(m: tandem.v1.Error, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum ErrorCode {
            ERROR_CODE_UNSPECIFIED = 0,
            ERROR_CODE_INVALID_ARGUMENT = 1,
            ERROR_CODE_UNAUTHENTICATED = 2,
            ERROR_CODE_PERMISSION_DENIED = 3,
            ERROR_CODE_NOT_FOUND = 4,
            ERROR_CODE_CONFLICT = 5,
            ERROR_CODE_FAILED_PRECONDITION = 6,
            ERROR_CODE_RATE_LIMITED = 7,
            ERROR_CODE_RESYNC_REQUIRED = 8,
            ERROR_CODE_INTERNAL = 9,
            ERROR_CODE_UNAVAILABLE = 10
        }

        interface IEmpty {
        }

        class Empty implements IEmpty {
            constructor(p?: tandem.v1.IEmpty);
            public static create(properties?: tandem.v1.IEmpty): tandem.v1.Empty;
            public static encode(m: tandem.v1.IEmpty, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IEmpty, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Empty;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Empty;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Empty;
            public static toObject(m: tandem.v1.Empty, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum ItemType {
            ITEM_TYPE_UNSPECIFIED = 0,
            ITEM_TYPE_EPIC = 1,
            ITEM_TYPE_STORY = 2,
            ITEM_TYPE_TASK = 3,
            ITEM_TYPE_BUG = 4,
            ITEM_TYPE_SUBTASK = 5
        }

        enum Priority {
            PRIORITY_NONE = 0,
            PRIORITY_LOW = 1,
            PRIORITY_MEDIUM = 2,
            PRIORITY_HIGH = 3,
            PRIORITY_URGENT = 4
        }

        enum StatusCategory {
            STATUS_CATEGORY_UNSPECIFIED = 0,
            STATUS_CATEGORY_BACKLOG = 1,
            STATUS_CATEGORY_UNSTARTED = 2,
            STATUS_CATEGORY_STARTED = 3,
            STATUS_CATEGORY_COMPLETED = 4,
            STATUS_CATEGORY_CANCELED = 5
        }

        enum SprintState {
            SPRINT_STATE_UNSPECIFIED = 0,
            SPRINT_STATE_PLANNED = 1,
            SPRINT_STATE_ACTIVE = 2,
            SPRINT_STATE_COMPLETED = 3
        }

        enum Role {
            ROLE_UNSPECIFIED = 0,
            ROLE_VIEWER = 1,
            ROLE_EDITOR = 2,
            ROLE_ADMIN = 3
        }

        interface IWorkflowStatus {
            id?: (string|null);
            name?: (string|null);
            category?: (tandem.v1.StatusCategory|null);
            position?: (number|null);
            wipLimit?: (number|null);
        }

        class WorkflowStatus implements IWorkflowStatus {
            constructor(p?: tandem.v1.IWorkflowStatus);
            public id: string;
            public name: string;
            public category: tandem.v1.StatusCategory;
            public position: number;
            public wipLimit: number;
            public static create(properties?: tandem.v1.IWorkflowStatus): tandem.v1.WorkflowStatus;
            public static encode(m: tandem.v1.IWorkflowStatus, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkflowStatus, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkflowStatus;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkflowStatus;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkflowStatus;
            public static toObject(m: tandem.v1.WorkflowStatus, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProject {
            id?: (string|null);
            key?: (string|null);
            name?: (string|null);
            description?: (string|null);
            statuses?: (tandem.v1.IWorkflowStatus[]|null);
            version?: (number|null);
            createdAt?: (number|null);
            createdBy?: (string|null);
            updatedAt?: (number|null);
            archivedAt?: (number|null);
            formerKeys?: (string[]|null);
            deletedAt?: (number|null);
            pullMode?: (boolean|null);
            customFields?: (tandem.v1.ICustomField[]|null);
            itemTypes?: (tandem.v1.ICustomItemType[]|null);
        }

        class Project implements IProject {
            constructor(p?: tandem.v1.IProject);
            public id: string;
            public key: string;
            public name: string;
            public description: string;
            public statuses: tandem.v1.IWorkflowStatus[];
            public version: number;
            public createdAt: number;
            public createdBy: string;
            public updatedAt: number;
            public archivedAt: number;
            public formerKeys: string[];
            public deletedAt: number;
            public pullMode: boolean;
            public customFields: tandem.v1.ICustomField[];
            public itemTypes: tandem.v1.ICustomItemType[];
            public static create(properties?: tandem.v1.IProject): tandem.v1.Project;
            public static encode(m: tandem.v1.IProject, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IProject, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Project;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Project;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Project;
            public static toObject(m: tandem.v1.Project, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICustomItemType {
            id?: (string|null);
            name?: (string|null);
            icon?: (string|null);
            colour?: (string|null);
            canBeParent?: (boolean|null);
            position?: (number|null);
        }

        class CustomItemType implements ICustomItemType {
            constructor(p?: tandem.v1.ICustomItemType);
            public id: string;
            public name: string;
            public icon: string;
            public colour: string;
            public canBeParent: boolean;
            public position: number;
            public static create(properties?: tandem.v1.ICustomItemType): tandem.v1.CustomItemType;
            public static encode(m: tandem.v1.ICustomItemType, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICustomItemType, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CustomItemType;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CustomItemType;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CustomItemType;
            public static toObject(m: tandem.v1.CustomItemType, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum ProjectTemplate {
            PROJECT_TEMPLATE_NONE = 0,
            PROJECT_TEMPLATE_RAID_LOG = 1
        }

        enum CustomFieldKind {
            CUSTOM_FIELD_KIND_UNSPECIFIED = 0,
            CUSTOM_FIELD_KIND_TEXT = 1,
            CUSTOM_FIELD_KIND_NUMBER = 2,
            CUSTOM_FIELD_KIND_DATE = 3,
            CUSTOM_FIELD_KIND_SINGLE_SELECT = 4,
            CUSTOM_FIELD_KIND_MULTI_SELECT = 5,
            CUSTOM_FIELD_KIND_PERSON = 6
        }

        interface ICustomField {
            id?: (string|null);
            name?: (string|null);
            kind?: (tandem.v1.CustomFieldKind|null);
            options?: (string[]|null);
            itemTypes?: (string[]|null);
            required?: (boolean|null);
            position?: (number|null);
        }

        class CustomField implements ICustomField {
            constructor(p?: tandem.v1.ICustomField);
            public id: string;
            public name: string;
            public kind: tandem.v1.CustomFieldKind;
            public options: string[];
            public itemTypes: string[];
            public required: boolean;
            public position: number;
            public static create(properties?: tandem.v1.ICustomField): tandem.v1.CustomField;
            public static encode(m: tandem.v1.ICustomField, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICustomField, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CustomField;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CustomField;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CustomField;
            public static toObject(m: tandem.v1.CustomField, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICustomFieldValue {
            fieldId?: (string|null);
            text?: (string|null);
            number?: (number|null);
            date?: (string|null);
            options?: (string[]|null);
            userId?: (string|null);
        }

        class CustomFieldValue implements ICustomFieldValue {
            constructor(p?: tandem.v1.ICustomFieldValue);
            public fieldId: string;
            public text: string;
            public number?: (number|null);
            public date: string;
            public options: string[];
            public userId: string;
            public static create(properties?: tandem.v1.ICustomFieldValue): tandem.v1.CustomFieldValue;
            public static encode(m: tandem.v1.ICustomFieldValue, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICustomFieldValue, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CustomFieldValue;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CustomFieldValue;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CustomFieldValue;
            public static toObject(m: tandem.v1.CustomFieldValue, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkItem {
            id?: (string|null);
            projectId?: (string|null);
            key?: (string|null);
            number?: (number|null);
            itemType?: (tandem.v1.ItemType|null);
            parentId?: (string|null);
            title?: (string|null);
            description?: (string|null);
            statusId?: (string|null);
            priority?: (tandem.v1.Priority|null);
            storyPoints?: (number|null);
            assigneeId?: (string|null);
            sprintId?: (string|null);
            labels?: (string[]|null);
            rank?: (string|null);
            version?: (number|null);
            createdAt?: (number|null);
            createdBy?: (string|null);
            updatedAt?: (number|null);
            updatedBy?: (string|null);
            deletedAt?: (number|null);
            hasStoryPoints?: (boolean|null);
            descriptionOmitted?: (boolean|null);
            startDate?: (string|null);
            dueDate?: (string|null);
            watching?: (boolean|null);
            originalEstimateMinutes?: (number|null);
            hasOriginalEstimate?: (boolean|null);
            remainingEstimateMinutes?: (number|null);
            hasRemainingEstimate?: (boolean|null);
            loggedMinutes?: (number|null);
            customFields?: (tandem.v1.ICustomFieldValue[]|null);
            customTypeId?: (string|null);
        }

        class WorkItem implements IWorkItem {
            constructor(p?: tandem.v1.IWorkItem);
            public id: string;
            public projectId: string;
            public key: string;
            public number: number;
            public itemType: tandem.v1.ItemType;
            public parentId: string;
            public title: string;
            public description: string;
            public statusId: string;
            public priority: tandem.v1.Priority;
            public storyPoints: number;
            public assigneeId: string;
            public sprintId: string;
            public labels: string[];
            public rank: string;
            public version: number;
            public createdAt: number;
            public createdBy: string;
            public updatedAt: number;
            public updatedBy: string;
            public deletedAt: number;
            public hasStoryPoints: boolean;
            public descriptionOmitted: boolean;
            public startDate: string;
            public dueDate: string;
            public watching: boolean;
            public originalEstimateMinutes: number;
            public hasOriginalEstimate: boolean;
            public remainingEstimateMinutes: number;
            public hasRemainingEstimate: boolean;
            public loggedMinutes: number;
            public customFields: tandem.v1.ICustomFieldValue[];
            public customTypeId: string;
            public static create(properties?: tandem.v1.IWorkItem): tandem.v1.WorkItem;
            public static encode(m: tandem.v1.IWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkItem;
            public static toObject(m: tandem.v1.WorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkLog {
            id?: (string|null);
            workItemId?: (string|null);
            projectId?: (string|null);
            userId?: (string|null);
            startedAt?: (number|null);
            minutes?: (number|null);
            note?: (string|null);
            version?: (number|null);
            createdAt?: (number|null);
            deletedAt?: (number|null);
        }

        class WorkLog implements IWorkLog {
            constructor(p?: tandem.v1.IWorkLog);
            public id: string;
            public workItemId: string;
            public projectId: string;
            public userId: string;
            public startedAt: number;
            public minutes: number;
            public note: string;
            public version: number;
            public createdAt: number;
            public deletedAt: number;
            public static create(properties?: tandem.v1.IWorkLog): tandem.v1.WorkLog;
            public static encode(m: tandem.v1.IWorkLog, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkLog, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkLog;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkLog;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkLog;
            public static toObject(m: tandem.v1.WorkLog, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkLogList {
            workLogs?: (tandem.v1.IWorkLog[]|null);
        }

        class WorkLogList implements IWorkLogList {
            constructor(p?: tandem.v1.IWorkLogList);
            public workLogs: tandem.v1.IWorkLog[];
            public static create(properties?: tandem.v1.IWorkLogList): tandem.v1.WorkLogList;
            public static encode(m: tandem.v1.IWorkLogList, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkLogList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkLogList;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkLogList;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkLogList;
            public static toObject(m: tandem.v1.WorkLogList, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IMemberCapacity {
            userId?: (string|null);
            daysOff?: (number|null);
            focusPercent?: (number|null);
            hoursPerDay?: (number|null);
        }

        class MemberCapacity implements IMemberCapacity {
            constructor(p?: tandem.v1.IMemberCapacity);
            public userId: string;
            public daysOff: number;
            public focusPercent: number;
            public hoursPerDay: number;
            public static create(properties?: tandem.v1.IMemberCapacity): tandem.v1.MemberCapacity;
            public static encode(m: tandem.v1.IMemberCapacity, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IMemberCapacity, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.MemberCapacity;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.MemberCapacity;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.MemberCapacity;
            public static toObject(m: tandem.v1.MemberCapacity, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ITimer {
            workItemId?: (string|null);
            startedAt?: (number|null);
        }

        class Timer implements ITimer {
            constructor(p?: tandem.v1.ITimer);
            public workItemId: string;
            public startedAt: number;
            public static create(properties?: tandem.v1.ITimer): tandem.v1.Timer;
            public static encode(m: tandem.v1.ITimer, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ITimer, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Timer;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Timer;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Timer;
            public static toObject(m: tandem.v1.Timer, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ITimesheet {
            userId?: (string|null);
            days?: (tandem.v1.ITimesheetDay[]|null);
            totalMinutes?: (number|null);
        }

        class Timesheet implements ITimesheet {
            constructor(p?: tandem.v1.ITimesheet);
            public userId: string;
            public days: tandem.v1.ITimesheetDay[];
            public totalMinutes: number;
            public static create(properties?: tandem.v1.ITimesheet): tandem.v1.Timesheet;
            public static encode(m: tandem.v1.ITimesheet, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ITimesheet, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Timesheet;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Timesheet;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Timesheet;
            public static toObject(m: tandem.v1.Timesheet, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ITimesheetDay {
            date?: (string|null);
            entries?: (tandem.v1.ITimesheetEntry[]|null);
            totalMinutes?: (number|null);
        }

        class TimesheetDay implements ITimesheetDay {
            constructor(p?: tandem.v1.ITimesheetDay);
            public date: string;
            public entries: tandem.v1.ITimesheetEntry[];
            public totalMinutes: number;
            public static create(properties?: tandem.v1.ITimesheetDay): tandem.v1.TimesheetDay;
            public static encode(m: tandem.v1.ITimesheetDay, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ITimesheetDay, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.TimesheetDay;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.TimesheetDay;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.TimesheetDay;
            public static toObject(m: tandem.v1.TimesheetDay, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ITimesheetEntry {
            workItemId?: (string|null);
            key?: (string|null);
            title?: (string|null);
            minutes?: (number|null);
        }

        class TimesheetEntry implements ITimesheetEntry {
            constructor(p?: tandem.v1.ITimesheetEntry);
            public workItemId: string;
            public key: string;
            public title: string;
            public minutes: number;
            public static create(properties?: tandem.v1.ITimesheetEntry): tandem.v1.TimesheetEntry;
            public static encode(m: tandem.v1.ITimesheetEntry, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ITimesheetEntry, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.TimesheetEntry;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.TimesheetEntry;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.TimesheetEntry;
            public static toObject(m: tandem.v1.TimesheetEntry, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum LinkKind {
            LINK_KIND_UNSPECIFIED = 0,
            LINK_KIND_BLOCKS = 1,
            LINK_KIND_RELATES_TO = 2,
            LINK_KIND_DUPLICATES = 3
        }

        interface IWorkItemLink {
            id?: (string|null);
            fromId?: (string|null);
            toId?: (string|null);
            kind?: (tandem.v1.LinkKind|null);
            createdAt?: (number|null);
            createdBy?: (string|null);
        }

        class WorkItemLink implements IWorkItemLink {
            constructor(p?: tandem.v1.IWorkItemLink);
            public id: string;
            public fromId: string;
            public toId: string;
            public kind: tandem.v1.LinkKind;
            public createdAt: number;
            public createdBy: string;
            public static create(properties?: tandem.v1.IWorkItemLink): tandem.v1.WorkItemLink;
            public static encode(m: tandem.v1.IWorkItemLink, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkItemLink, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkItemLink;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkItemLink;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkItemLink;
            public static toObject(m: tandem.v1.WorkItemLink, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ILinkedItem {
            id?: (string|null);
            projectId?: (string|null);
            projectKey?: (string|null);
            key?: (string|null);
            title?: (string|null);
            statusCategory?: (tandem.v1.StatusCategory|null);
        }

        class LinkedItem implements ILinkedItem {
            constructor(p?: tandem.v1.ILinkedItem);
            public id: string;
            public projectId: string;
            public projectKey: string;
            public key: string;
            public title: string;
            public statusCategory: tandem.v1.StatusCategory;
            public static create(properties?: tandem.v1.ILinkedItem): tandem.v1.LinkedItem;
            public static encode(m: tandem.v1.ILinkedItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ILinkedItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.LinkedItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.LinkedItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.LinkedItem;
            public static toObject(m: tandem.v1.LinkedItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkItemList {
            workItems?: (tandem.v1.IWorkItem[]|null);
        }

        class WorkItemList implements IWorkItemList {
            constructor(p?: tandem.v1.IWorkItemList);
            public workItems: tandem.v1.IWorkItem[];
            public static create(properties?: tandem.v1.IWorkItemList): tandem.v1.WorkItemList;
            public static encode(m: tandem.v1.IWorkItemList, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkItemList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkItemList;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkItemList;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkItemList;
            public static toObject(m: tandem.v1.WorkItemList, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISprint {
            id?: (string|null);
            projectId?: (string|null);
            name?: (string|null);
            goal?: (string|null);
            state?: (tandem.v1.SprintState|null);
            startDate?: (string|null);
            endDate?: (string|null);
            version?: (number|null);
            startedAt?: (number|null);
            completedAt?: (number|null);
            capacity?: (tandem.v1.IMemberCapacity[]|null);
            deletedAt?: (number|null);
        }

        class Sprint implements ISprint {
            constructor(p?: tandem.v1.ISprint);
            public id: string;
            public projectId: string;
            public name: string;
            public goal: string;
            public state: tandem.v1.SprintState;
            public startDate: string;
            public endDate: string;
            public version: number;
            public startedAt: number;
            public completedAt: number;
            public capacity: tandem.v1.IMemberCapacity[];
            public deletedAt: number;
            public static create(properties?: tandem.v1.ISprint): tandem.v1.Sprint;
            public static encode(m: tandem.v1.ISprint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISprint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Sprint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Sprint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Sprint;
            public static toObject(m: tandem.v1.Sprint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IComment {
            id?: (string|null);
            workItemId?: (string|null);
            authorId?: (string|null);
            body?: (string|null);
            createdAt?: (number|null);
            editedAt?: (number|null);
            version?: (number|null);
            deletedAt?: (number|null);
        }

        class Comment implements IComment {
            constructor(p?: tandem.v1.IComment);
            public id: string;
            public workItemId: string;
            public authorId: string;
            public body: string;
            public createdAt: number;
            public editedAt: number;
            public version: number;
            public deletedAt: number;
            public static create(properties?: tandem.v1.IComment): tandem.v1.Comment;
            public static encode(m: tandem.v1.IComment, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IComment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Comment;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Comment;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Comment;
            public static toObject(m: tandem.v1.Comment, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IMember {
            projectId?: (string|null);
            userId?: (string|null);
            displayName?: (string|null);
            role?: (tandem.v1.Role|null);
            email?: (string|null);
        }

        class Member implements IMember {
            constructor(p?: tandem.v1.IMember);
            public projectId: string;
            public userId: string;
            public displayName: string;
            public role: tandem.v1.Role;
            public email: string;
            public static create(properties?: tandem.v1.IMember): tandem.v1.Member;
            public static encode(m: tandem.v1.IMember, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IMember, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Member;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Member;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Member;
            public static toObject(m: tandem.v1.Member, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUser {
            id?: (string|null);
            displayName?: (string|null);
            email?: (string|null);
            tenantRole?: (string|null);
        }

        class User implements IUser {
            constructor(p?: tandem.v1.IUser);
            public id: string;
            public displayName: string;
            public email: string;
            public tenantRole: string;
            public static create(properties?: tandem.v1.IUser): tandem.v1.User;
            public static encode(m: tandem.v1.IUser, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUser, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.User;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.User;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.User;
            public static toObject(m: tandem.v1.User, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUserList {
            users?: (tandem.v1.IUser[]|null);
        }

        class UserList implements IUserList {
            constructor(p?: tandem.v1.IUserList);
            public users: tandem.v1.IUser[];
            public static create(properties?: tandem.v1.IUserList): tandem.v1.UserList;
            public static encode(m: tandem.v1.IUserList, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUserList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.UserList;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.UserList;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.UserList;
            public static toObject(m: tandem.v1.UserList, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ILabel {
            id?: (string|null);
            projectId?: (string|null);
            name?: (string|null);
            color?: (string|null);
        }

        class Label implements ILabel {
            constructor(p?: tandem.v1.ILabel);
            public id: string;
            public projectId: string;
            public name: string;
            public color: string;
            public static create(properties?: tandem.v1.ILabel): tandem.v1.Label;
            public static encode(m: tandem.v1.ILabel, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ILabel, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Label;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Label;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Label;
            public static toObject(m: tandem.v1.Label, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IActivityEntry {
            id?: (number|null);
            workItemId?: (string|null);
            field?: (string|null);
            oldValue?: (string|null);
            newValue?: (string|null);
            actorId?: (string|null);
            occurredAt?: (number|null);
            seq?: (number|null);
        }

        class ActivityEntry implements IActivityEntry {
            constructor(p?: tandem.v1.IActivityEntry);
            public id: number;
            public workItemId: string;
            public field: string;
            public oldValue: string;
            public newValue: string;
            public actorId: string;
            public occurredAt: number;
            public seq: number;
            public static create(properties?: tandem.v1.IActivityEntry): tandem.v1.ActivityEntry;
            public static encode(m: tandem.v1.IActivityEntry, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IActivityEntry, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ActivityEntry;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ActivityEntry;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ActivityEntry;
            public static toObject(m: tandem.v1.ActivityEntry, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProjectList {
            projects?: (tandem.v1.IProject[]|null);
        }

        class ProjectList implements IProjectList {
            constructor(p?: tandem.v1.IProjectList);
            public projects: tandem.v1.IProject[];
            public static create(properties?: tandem.v1.IProjectList): tandem.v1.ProjectList;
            public static encode(m: tandem.v1.IProjectList, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IProjectList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ProjectList;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ProjectList;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ProjectList;
            public static toObject(m: tandem.v1.ProjectList, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBoard {
            project?: (tandem.v1.IProject|null);
            statuses?: (tandem.v1.IWorkflowStatus[]|null);
            workItems?: (tandem.v1.IWorkItem[]|null);
            sprints?: (tandem.v1.ISprint[]|null);
            members?: (tandem.v1.IMember[]|null);
            labels?: (tandem.v1.ILabel[]|null);
            seq?: (number|null);
            links?: (tandem.v1.IWorkItemLink[]|null);
            linkedItems?: (tandem.v1.ILinkedItem[]|null);
            itemsLeftOut?: (number|null);
        }

        class Board implements IBoard {
            constructor(p?: tandem.v1.IBoard);
            public project?: (tandem.v1.IProject|null);
            public statuses: tandem.v1.IWorkflowStatus[];
            public workItems: tandem.v1.IWorkItem[];
            public sprints: tandem.v1.ISprint[];
            public members: tandem.v1.IMember[];
            public labels: tandem.v1.ILabel[];
            public seq: number;
            public links: tandem.v1.IWorkItemLink[];
            public linkedItems: tandem.v1.ILinkedItem[];
            public itemsLeftOut: number;
            public static create(properties?: tandem.v1.IBoard): tandem.v1.Board;
            public static encode(m: tandem.v1.IBoard, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IBoard, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Board;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Board;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Board;
            public static toObject(m: tandem.v1.Board, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IHistory {
            entries?: (tandem.v1.IActivityEntry[]|null);
        }

        class History implements IHistory {
            constructor(p?: tandem.v1.IHistory);
            public entries: tandem.v1.IActivityEntry[];
            public static create(properties?: tandem.v1.IHistory): tandem.v1.History;
            public static encode(m: tandem.v1.IHistory, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IHistory, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.History;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.History;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.History;
            public static toObject(m: tandem.v1.History, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICommentList {
            comments?: (tandem.v1.IComment[]|null);
        }

        class CommentList implements ICommentList {
            constructor(p?: tandem.v1.ICommentList);
            public comments: tandem.v1.IComment[];
            public static create(properties?: tandem.v1.ICommentList): tandem.v1.CommentList;
            public static encode(m: tandem.v1.ICommentList, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICommentList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CommentList;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CommentList;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CommentList;
            public static toObject(m: tandem.v1.CommentList, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProjectCursor {
            projectId?: (string|null);
            sinceSeq?: (number|null);
        }

        class ProjectCursor implements IProjectCursor {
            constructor(p?: tandem.v1.IProjectCursor);
            public projectId: string;
            public sinceSeq: number;
            public static create(properties?: tandem.v1.IProjectCursor): tandem.v1.ProjectCursor;
            public static encode(m: tandem.v1.IProjectCursor, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IProjectCursor, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ProjectCursor;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ProjectCursor;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ProjectCursor;
            public static toObject(m: tandem.v1.ProjectCursor, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetReport {
            projectId?: (string|null);
            kind?: (tandem.v1.ReportKind|null);
            sprintId?: (string|null);
            sprints?: (number|null);
            fromDate?: (string|null);
            toDate?: (string|null);
            utcOffsetMinutes?: (number|null);
        }

        class GetReport implements IGetReport {
            constructor(p?: tandem.v1.IGetReport);
            public projectId: string;
            public kind: tandem.v1.ReportKind;
            public sprintId: string;
            public sprints: number;
            public fromDate: string;
            public toDate: string;
            public utcOffsetMinutes: number;
            public static create(properties?: tandem.v1.IGetReport): tandem.v1.GetReport;
            public static encode(m: tandem.v1.IGetReport, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetReport, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetReport;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetReport;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetReport;
            public static toObject(m: tandem.v1.GetReport, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum ReportKind {
            REPORT_KIND_UNSPECIFIED = 0,
            REPORT_KIND_BURNDOWN = 1,
            REPORT_KIND_VELOCITY = 2,
            REPORT_KIND_CUMULATIVE_FLOW = 3,
            REPORT_KIND_CYCLE_TIME = 4
        }

        interface IReport {
            kind?: (tandem.v1.ReportKind|null);
            seq?: (number|null);
            burndown?: (tandem.v1.IBurndown|null);
            velocity?: (tandem.v1.IVelocity|null);
            cumulativeFlow?: (tandem.v1.ICumulativeFlow|null);
            cycleTime?: (tandem.v1.ICycleTime|null);
        }

        class Report implements IReport {
            constructor(p?: tandem.v1.IReport);
            public kind: tandem.v1.ReportKind;
            public seq: number;
            public burndown?: (tandem.v1.IBurndown|null);
            public velocity?: (tandem.v1.IVelocity|null);
            public cumulativeFlow?: (tandem.v1.ICumulativeFlow|null);
            public cycleTime?: (tandem.v1.ICycleTime|null);
            public body?: ("burndown"|"velocity"|"cumulativeFlow"|"cycleTime");
            public static create(properties?: tandem.v1.IReport): tandem.v1.Report;
            public static encode(m: tandem.v1.IReport, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IReport, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Report;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Report;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Report;
            public static toObject(m: tandem.v1.Report, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBurndown {
            sprint?: (tandem.v1.ISprint|null);
            days?: (tandem.v1.IBurndownDay[]|null);
            summary?: (tandem.v1.ISprintSummary|null);
        }

        class Burndown implements IBurndown {
            constructor(p?: tandem.v1.IBurndown);
            public sprint?: (tandem.v1.ISprint|null);
            public days: tandem.v1.IBurndownDay[];
            public summary?: (tandem.v1.ISprintSummary|null);
            public static create(properties?: tandem.v1.IBurndown): tandem.v1.Burndown;
            public static encode(m: tandem.v1.IBurndown, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IBurndown, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Burndown;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Burndown;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Burndown;
            public static toObject(m: tandem.v1.Burndown, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBurndownDay {
            date?: (string|null);
            actual?: (boolean|null);
            remainingPoints?: (number|null);
            remainingItems?: (number|null);
            idealPoints?: (number|null);
            addedPoints?: (number|null);
            addedItems?: (number|null);
        }

        class BurndownDay implements IBurndownDay {
            constructor(p?: tandem.v1.IBurndownDay);
            public date: string;
            public actual: boolean;
            public remainingPoints: number;
            public remainingItems: number;
            public idealPoints: number;
            public addedPoints: number;
            public addedItems: number;
            public static create(properties?: tandem.v1.IBurndownDay): tandem.v1.BurndownDay;
            public static encode(m: tandem.v1.IBurndownDay, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IBurndownDay, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.BurndownDay;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.BurndownDay;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.BurndownDay;
            public static toObject(m: tandem.v1.BurndownDay, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISprintSummary {
            committedPoints?: (number|null);
            committedItems?: (number|null);
            completedPoints?: (number|null);
            completedItems?: (number|null);
            addedPoints?: (number|null);
            addedItems?: (number|null);
            carriedOverPoints?: (number|null);
            carriedOverItems?: (number|null);
        }

        class SprintSummary implements ISprintSummary {
            constructor(p?: tandem.v1.ISprintSummary);
            public committedPoints: number;
            public committedItems: number;
            public completedPoints: number;
            public completedItems: number;
            public addedPoints: number;
            public addedItems: number;
            public carriedOverPoints: number;
            public carriedOverItems: number;
            public static create(properties?: tandem.v1.ISprintSummary): tandem.v1.SprintSummary;
            public static encode(m: tandem.v1.ISprintSummary, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISprintSummary, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SprintSummary;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SprintSummary;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SprintSummary;
            public static toObject(m: tandem.v1.SprintSummary, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IVelocity {
            sprints?: (tandem.v1.IVelocitySprint[]|null);
        }

        class Velocity implements IVelocity {
            constructor(p?: tandem.v1.IVelocity);
            public sprints: tandem.v1.IVelocitySprint[];
            public static create(properties?: tandem.v1.IVelocity): tandem.v1.Velocity;
            public static encode(m: tandem.v1.IVelocity, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IVelocity, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Velocity;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Velocity;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Velocity;
            public static toObject(m: tandem.v1.Velocity, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IVelocitySprint {
            sprintId?: (string|null);
            name?: (string|null);
            committedPoints?: (number|null);
            completedPoints?: (number|null);
            completedAt?: (number|null);
        }

        class VelocitySprint implements IVelocitySprint {
            constructor(p?: tandem.v1.IVelocitySprint);
            public sprintId: string;
            public name: string;
            public committedPoints: number;
            public completedPoints: number;
            public completedAt: number;
            public static create(properties?: tandem.v1.IVelocitySprint): tandem.v1.VelocitySprint;
            public static encode(m: tandem.v1.IVelocitySprint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IVelocitySprint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.VelocitySprint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.VelocitySprint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.VelocitySprint;
            public static toObject(m: tandem.v1.VelocitySprint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICumulativeFlow {
            statuses?: (tandem.v1.IWorkflowStatus[]|null);
            days?: (tandem.v1.IFlowDay[]|null);
        }

        class CumulativeFlow implements ICumulativeFlow {
            constructor(p?: tandem.v1.ICumulativeFlow);
            public statuses: tandem.v1.IWorkflowStatus[];
            public days: tandem.v1.IFlowDay[];
            public static create(properties?: tandem.v1.ICumulativeFlow): tandem.v1.CumulativeFlow;
            public static encode(m: tandem.v1.ICumulativeFlow, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICumulativeFlow, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CumulativeFlow;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CumulativeFlow;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CumulativeFlow;
            public static toObject(m: tandem.v1.CumulativeFlow, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IFlowDay {
            date?: (string|null);
            counts?: (number[]|null);
        }

        class FlowDay implements IFlowDay {
            constructor(p?: tandem.v1.IFlowDay);
            public date: string;
            public counts: number[];
            public static create(properties?: tandem.v1.IFlowDay): tandem.v1.FlowDay;
            public static encode(m: tandem.v1.IFlowDay, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IFlowDay, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.FlowDay;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.FlowDay;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.FlowDay;
            public static toObject(m: tandem.v1.FlowDay, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICycleTime {
            items?: (tandem.v1.ICycleItem[]|null);
            medianHours?: (number|null);
            p85Hours?: (number|null);
        }

        class CycleTime implements ICycleTime {
            constructor(p?: tandem.v1.ICycleTime);
            public items: tandem.v1.ICycleItem[];
            public medianHours: number;
            public p85Hours: number;
            public static create(properties?: tandem.v1.ICycleTime): tandem.v1.CycleTime;
            public static encode(m: tandem.v1.ICycleTime, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICycleTime, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CycleTime;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CycleTime;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CycleTime;
            public static toObject(m: tandem.v1.CycleTime, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICycleItem {
            workItemId?: (string|null);
            key?: (string|null);
            title?: (string|null);
            startedAt?: (number|null);
            doneAt?: (number|null);
            hours?: (number|null);
        }

        class CycleItem implements ICycleItem {
            constructor(p?: tandem.v1.ICycleItem);
            public workItemId: string;
            public key: string;
            public title: string;
            public startedAt: number;
            public doneAt: number;
            public hours: number;
            public static create(properties?: tandem.v1.ICycleItem): tandem.v1.CycleItem;
            public static encode(m: tandem.v1.ICycleItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICycleItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CycleItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CycleItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CycleItem;
            public static toObject(m: tandem.v1.CycleItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum NotificationKind {
            NOTIFICATION_KIND_UNSPECIFIED = 0,
            NOTIFICATION_KIND_MENTIONED = 1,
            NOTIFICATION_KIND_ASSIGNED = 2,
            NOTIFICATION_KIND_COMMENTED = 3,
            NOTIFICATION_KIND_STATUS_CHANGED = 4,
            NOTIFICATION_KIND_SPRINT_STARTED = 5,
            NOTIFICATION_KIND_SPRINT_COMPLETED = 6
        }

        interface INotification {
            id?: (string|null);
            kind?: (tandem.v1.NotificationKind|null);
            projectId?: (string|null);
            projectKey?: (string|null);
            workItemId?: (string|null);
            workItemKey?: (string|null);
            sprintId?: (string|null);
            title?: (string|null);
            actorId?: (string|null);
            actorName?: (string|null);
            count?: (number|null);
            excerpt?: (string|null);
            createdAt?: (number|null);
            updatedAt?: (number|null);
            read?: (boolean|null);
        }

        class Notification implements INotification {
            constructor(p?: tandem.v1.INotification);
            public id: string;
            public kind: tandem.v1.NotificationKind;
            public projectId: string;
            public projectKey: string;
            public workItemId: string;
            public workItemKey: string;
            public sprintId: string;
            public title: string;
            public actorId: string;
            public actorName: string;
            public count: number;
            public excerpt: string;
            public createdAt: number;
            public updatedAt: number;
            public read: boolean;
            public static create(properties?: tandem.v1.INotification): tandem.v1.Notification;
            public static encode(m: tandem.v1.INotification, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.INotification, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Notification;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Notification;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Notification;
            public static toObject(m: tandem.v1.Notification, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface INotificationSettings {
            muted?: (tandem.v1.NotificationKind[]|null);
        }

        class NotificationSettings implements INotificationSettings {
            constructor(p?: tandem.v1.INotificationSettings);
            public muted: tandem.v1.NotificationKind[];
            public static create(properties?: tandem.v1.INotificationSettings): tandem.v1.NotificationSettings;
            public static encode(m: tandem.v1.INotificationSettings, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.INotificationSettings, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.NotificationSettings;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.NotificationSettings;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.NotificationSettings;
            public static toObject(m: tandem.v1.NotificationSettings, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface INotificationList {
            notifications?: (tandem.v1.INotification[]|null);
            unread?: (number|null);
            settings?: (tandem.v1.INotificationSettings|null);
        }

        class NotificationList implements INotificationList {
            constructor(p?: tandem.v1.INotificationList);
            public notifications: tandem.v1.INotification[];
            public unread: number;
            public settings?: (tandem.v1.INotificationSettings|null);
            public static create(properties?: tandem.v1.INotificationList): tandem.v1.NotificationList;
            public static encode(m: tandem.v1.INotificationList, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.INotificationList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.NotificationList;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.NotificationList;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.NotificationList;
            public static toObject(m: tandem.v1.NotificationList, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface INotificationNotice {
            notification?: (tandem.v1.INotification|null);
            unread?: (number|null);
        }

        class NotificationNotice implements INotificationNotice {
            constructor(p?: tandem.v1.INotificationNotice);
            public notification?: (tandem.v1.INotification|null);
            public unread: number;
            public static create(properties?: tandem.v1.INotificationNotice): tandem.v1.NotificationNotice;
            public static encode(m: tandem.v1.INotificationNotice, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.INotificationNotice, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.NotificationNotice;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.NotificationNotice;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.NotificationNotice;
            public static toObject(m: tandem.v1.NotificationNotice, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWatchState {
            workItemId?: (string|null);
            watching?: (boolean|null);
        }

        class WatchState implements IWatchState {
            constructor(p?: tandem.v1.IWatchState);
            public workItemId: string;
            public watching: boolean;
            public static create(properties?: tandem.v1.IWatchState): tandem.v1.WatchState;
            public static encode(m: tandem.v1.IWatchState, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWatchState, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WatchState;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WatchState;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WatchState;
            public static toObject(m: tandem.v1.WatchState, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISearchResults {
            hits?: (tandem.v1.ISearchHit[]|null);
        }

        class SearchResults implements ISearchResults {
            constructor(p?: tandem.v1.ISearchResults);
            public hits: tandem.v1.ISearchHit[];
            public static create(properties?: tandem.v1.ISearchResults): tandem.v1.SearchResults;
            public static encode(m: tandem.v1.ISearchResults, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISearchResults, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SearchResults;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SearchResults;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SearchResults;
            public static toObject(m: tandem.v1.SearchResults, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISearchHit {
            workItemId?: (string|null);
            projectId?: (string|null);
            projectKey?: (string|null);
            key?: (string|null);
            title?: (string|null);
            itemType?: (tandem.v1.ItemType|null);
            statusName?: (string|null);
            statusCategory?: (tandem.v1.StatusCategory|null);
            matchedIn?: (string|null);
            commentId?: (string|null);
            snippet?: (tandem.v1.ISnippetPart[]|null);
        }

        class SearchHit implements ISearchHit {
            constructor(p?: tandem.v1.ISearchHit);
            public workItemId: string;
            public projectId: string;
            public projectKey: string;
            public key: string;
            public title: string;
            public itemType: tandem.v1.ItemType;
            public statusName: string;
            public statusCategory: tandem.v1.StatusCategory;
            public matchedIn: string;
            public commentId: string;
            public snippet: tandem.v1.ISnippetPart[];
            public static create(properties?: tandem.v1.ISearchHit): tandem.v1.SearchHit;
            public static encode(m: tandem.v1.ISearchHit, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISearchHit, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SearchHit;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SearchHit;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SearchHit;
            public static toObject(m: tandem.v1.SearchHit, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISnippetPart {
            text?: (string|null);
            match?: (boolean|null);
        }

        class SnippetPart implements ISnippetPart {
            constructor(p?: tandem.v1.ISnippetPart);
            public text: string;
            public match: boolean;
            public static create(properties?: tandem.v1.ISnippetPart): tandem.v1.SnippetPart;
            public static encode(m: tandem.v1.ISnippetPart, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISnippetPart, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SnippetPart;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SnippetPart;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SnippetPart;
            public static toObject(m: tandem.v1.SnippetPart, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISubscribed {
            projects?: (tandem.v1.IProjectCursor[]|null);
        }

        class Subscribed implements ISubscribed {
            constructor(p?: tandem.v1.ISubscribed);
            public projects: tandem.v1.IProjectCursor[];
            public static create(properties?: tandem.v1.ISubscribed): tandem.v1.Subscribed;
            public static encode(m: tandem.v1.ISubscribed, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISubscribed, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Subscribed;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Subscribed;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Subscribed;
            public static toObject(m: tandem.v1.Subscribed, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IListProjects {
            includeArchived?: (boolean|null);
        }

        class ListProjects implements IListProjects {
            constructor(p?: tandem.v1.IListProjects);
            public includeArchived: boolean;
            public static create(properties?: tandem.v1.IListProjects): tandem.v1.ListProjects;
            public static encode(m: tandem.v1.IListProjects, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IListProjects, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ListProjects;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ListProjects;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ListProjects;
            public static toObject(m: tandem.v1.ListProjects, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IListUsers {
        }

        class ListUsers implements IListUsers {
            constructor(p?: tandem.v1.IListUsers);
            public static create(properties?: tandem.v1.IListUsers): tandem.v1.ListUsers;
            public static encode(m: tandem.v1.IListUsers, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IListUsers, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ListUsers;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ListUsers;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ListUsers;
            public static toObject(m: tandem.v1.ListUsers, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetBoard {
            projectId?: (string|null);
            omitDescriptions?: (boolean|null);
            firstCardsPerColumn?: (number|null);
        }

        class GetBoard implements IGetBoard {
            constructor(p?: tandem.v1.IGetBoard);
            public projectId: string;
            public omitDescriptions: boolean;
            public firstCardsPerColumn: number;
            public static create(properties?: tandem.v1.IGetBoard): tandem.v1.GetBoard;
            public static encode(m: tandem.v1.IGetBoard, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetBoard, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetBoard;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetBoard;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetBoard;
            public static toObject(m: tandem.v1.GetBoard, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetWorkLogs {
            workItemId?: (string|null);
        }

        class GetWorkLogs implements IGetWorkLogs {
            constructor(p?: tandem.v1.IGetWorkLogs);
            public workItemId: string;
            public static create(properties?: tandem.v1.IGetWorkLogs): tandem.v1.GetWorkLogs;
            public static encode(m: tandem.v1.IGetWorkLogs, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetWorkLogs, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetWorkLogs;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetWorkLogs;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetWorkLogs;
            public static toObject(m: tandem.v1.GetWorkLogs, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetTimesheet {
            userId?: (string|null);
            weekStart?: (string|null);
            utcOffsetMinutes?: (number|null);
        }

        class GetTimesheet implements IGetTimesheet {
            constructor(p?: tandem.v1.IGetTimesheet);
            public userId: string;
            public weekStart: string;
            public utcOffsetMinutes: number;
            public static create(properties?: tandem.v1.IGetTimesheet): tandem.v1.GetTimesheet;
            public static encode(m: tandem.v1.IGetTimesheet, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetTimesheet, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetTimesheet;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetTimesheet;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetTimesheet;
            public static toObject(m: tandem.v1.GetTimesheet, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetTimer {
        }

        class GetTimer implements IGetTimer {
            constructor(p?: tandem.v1.IGetTimer);
            public static create(properties?: tandem.v1.IGetTimer): tandem.v1.GetTimer;
            public static encode(m: tandem.v1.IGetTimer, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetTimer, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetTimer;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetTimer;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetTimer;
            public static toObject(m: tandem.v1.GetTimer, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetMyWork {
        }

        class GetMyWork implements IGetMyWork {
            constructor(p?: tandem.v1.IGetMyWork);
            public static create(properties?: tandem.v1.IGetMyWork): tandem.v1.GetMyWork;
            public static encode(m: tandem.v1.IGetMyWork, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetMyWork, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetMyWork;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetMyWork;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetMyWork;
            public static toObject(m: tandem.v1.GetMyWork, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IMyWork {
            assigned?: (tandem.v1.IWorkItem[]|null);
            created?: (tandem.v1.IWorkItem[]|null);
            watching?: (tandem.v1.IWorkItem[]|null);
            projects?: (tandem.v1.IProject[]|null);
        }

        class MyWork implements IMyWork {
            constructor(p?: tandem.v1.IMyWork);
            public assigned: tandem.v1.IWorkItem[];
            public created: tandem.v1.IWorkItem[];
            public watching: tandem.v1.IWorkItem[];
            public projects: tandem.v1.IProject[];
            public static create(properties?: tandem.v1.IMyWork): tandem.v1.MyWork;
            public static encode(m: tandem.v1.IMyWork, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IMyWork, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.MyWork;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.MyWork;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.MyWork;
            public static toObject(m: tandem.v1.MyWork, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IListDeletedWorkItems {
            projectId?: (string|null);
        }

        class ListDeletedWorkItems implements IListDeletedWorkItems {
            constructor(p?: tandem.v1.IListDeletedWorkItems);
            public projectId: string;
            public static create(properties?: tandem.v1.IListDeletedWorkItems): tandem.v1.ListDeletedWorkItems;
            public static encode(m: tandem.v1.IListDeletedWorkItems, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IListDeletedWorkItems, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ListDeletedWorkItems;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ListDeletedWorkItems;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ListDeletedWorkItems;
            public static toObject(m: tandem.v1.ListDeletedWorkItems, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetWorkItem {
            workItemId?: (string|null);
        }

        class GetWorkItem implements IGetWorkItem {
            constructor(p?: tandem.v1.IGetWorkItem);
            public workItemId: string;
            public static create(properties?: tandem.v1.IGetWorkItem): tandem.v1.GetWorkItem;
            public static encode(m: tandem.v1.IGetWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetWorkItem;
            public static toObject(m: tandem.v1.GetWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISearch {
            query?: (string|null);
            projectId?: (string|null);
            limit?: (number|null);
        }

        class Search implements ISearch {
            constructor(p?: tandem.v1.ISearch);
            public query: string;
            public projectId: string;
            public limit: number;
            public static create(properties?: tandem.v1.ISearch): tandem.v1.Search;
            public static encode(m: tandem.v1.ISearch, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISearch, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Search;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Search;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Search;
            public static toObject(m: tandem.v1.Search, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetHistory {
            workItemId?: (string|null);
        }

        class GetHistory implements IGetHistory {
            constructor(p?: tandem.v1.IGetHistory);
            public workItemId: string;
            public static create(properties?: tandem.v1.IGetHistory): tandem.v1.GetHistory;
            public static encode(m: tandem.v1.IGetHistory, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetHistory, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetHistory;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetHistory;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetHistory;
            public static toObject(m: tandem.v1.GetHistory, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IGetComments {
            workItemId?: (string|null);
        }

        class GetComments implements IGetComments {
            constructor(p?: tandem.v1.IGetComments);
            public workItemId: string;
            public static create(properties?: tandem.v1.IGetComments): tandem.v1.GetComments;
            public static encode(m: tandem.v1.IGetComments, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IGetComments, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.GetComments;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.GetComments;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.GetComments;
            public static toObject(m: tandem.v1.GetComments, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISubscribe {
            projects?: (tandem.v1.IProjectCursor[]|null);
            changedFieldsOnly?: (boolean|null);
        }

        class Subscribe implements ISubscribe {
            constructor(p?: tandem.v1.ISubscribe);
            public projects: tandem.v1.IProjectCursor[];
            public changedFieldsOnly: boolean;
            public static create(properties?: tandem.v1.ISubscribe): tandem.v1.Subscribe;
            public static encode(m: tandem.v1.ISubscribe, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISubscribe, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Subscribe;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Subscribe;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Subscribe;
            public static toObject(m: tandem.v1.Subscribe, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUnsubscribe {
            projectIds?: (string[]|null);
        }

        class Unsubscribe implements IUnsubscribe {
            constructor(p?: tandem.v1.IUnsubscribe);
            public projectIds: string[];
            public static create(properties?: tandem.v1.IUnsubscribe): tandem.v1.Unsubscribe;
            public static encode(m: tandem.v1.IUnsubscribe, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUnsubscribe, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Unsubscribe;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Unsubscribe;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Unsubscribe;
            public static toObject(m: tandem.v1.Unsubscribe, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICreateProject {
            key?: (string|null);
            name?: (string|null);
            description?: (string|null);
            template?: (tandem.v1.ProjectTemplate|null);
        }

        class CreateProject implements ICreateProject {
            constructor(p?: tandem.v1.ICreateProject);
            public key: string;
            public name: string;
            public description: string;
            public template: tandem.v1.ProjectTemplate;
            public static create(properties?: tandem.v1.ICreateProject): tandem.v1.CreateProject;
            public static encode(m: tandem.v1.ICreateProject, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICreateProject, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CreateProject;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CreateProject;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CreateProject;
            public static toObject(m: tandem.v1.CreateProject, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICreateWorkItem {
            projectId?: (string|null);
            itemType?: (tandem.v1.ItemType|null);
            title?: (string|null);
            description?: (string|null);
            parentId?: (string|null);
            statusId?: (string|null);
            priority?: (tandem.v1.Priority|null);
            storyPoints?: (number|null);
            assigneeId?: (string|null);
            sprintId?: (string|null);
            labels?: (string[]|null);
            afterId?: (string|null);
            beforeId?: (string|null);
            startDate?: (string|null);
            dueDate?: (string|null);
            originalEstimateMinutes?: (number|null);
            remainingEstimateMinutes?: (number|null);
            customFields?: (tandem.v1.ICustomFieldValue[]|null);
            customTypeId?: (string|null);
        }

        class CreateWorkItem implements ICreateWorkItem {
            constructor(p?: tandem.v1.ICreateWorkItem);
            public projectId: string;
            public itemType: tandem.v1.ItemType;
            public title: string;
            public description: string;
            public parentId: string;
            public statusId: string;
            public priority: tandem.v1.Priority;
            public storyPoints?: (number|null);
            public assigneeId: string;
            public sprintId: string;
            public labels: string[];
            public afterId: string;
            public beforeId: string;
            public startDate: string;
            public dueDate: string;
            public originalEstimateMinutes?: (number|null);
            public remainingEstimateMinutes?: (number|null);
            public customFields: tandem.v1.ICustomFieldValue[];
            public customTypeId: string;
            public static create(properties?: tandem.v1.ICreateWorkItem): tandem.v1.CreateWorkItem;
            public static encode(m: tandem.v1.ICreateWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICreateWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CreateWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CreateWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CreateWorkItem;
            public static toObject(m: tandem.v1.CreateWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUpdateWorkItem {
            workItemId?: (string|null);
            expectedVersion?: (number|null);
            title?: (string|null);
            description?: (string|null);
            itemType?: (tandem.v1.ItemType|null);
            parentId?: (string|null);
            statusId?: (string|null);
            priority?: (tandem.v1.Priority|null);
            storyPoints?: (number|null);
            assigneeId?: (string|null);
            sprintId?: (string|null);
            labels?: (string[]|null);
            setLabels?: (boolean|null);
            clear?: (string[]|null);
            startDate?: (string|null);
            dueDate?: (string|null);
            originalEstimateMinutes?: (number|null);
            remainingEstimateMinutes?: (number|null);
            customFields?: (tandem.v1.ICustomFieldValue[]|null);
            customTypeId?: (string|null);
        }

        class UpdateWorkItem implements IUpdateWorkItem {
            constructor(p?: tandem.v1.IUpdateWorkItem);
            public workItemId: string;
            public expectedVersion: number;
            public title?: (string|null);
            public description?: (string|null);
            public itemType?: (tandem.v1.ItemType|null);
            public parentId?: (string|null);
            public statusId?: (string|null);
            public priority?: (tandem.v1.Priority|null);
            public storyPoints?: (number|null);
            public assigneeId?: (string|null);
            public sprintId?: (string|null);
            public labels: string[];
            public setLabels: boolean;
            public clear: string[];
            public startDate?: (string|null);
            public dueDate?: (string|null);
            public originalEstimateMinutes?: (number|null);
            public remainingEstimateMinutes?: (number|null);
            public customFields: tandem.v1.ICustomFieldValue[];
            public customTypeId?: (string|null);
            public static create(properties?: tandem.v1.IUpdateWorkItem): tandem.v1.UpdateWorkItem;
            public static encode(m: tandem.v1.IUpdateWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUpdateWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.UpdateWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.UpdateWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.UpdateWorkItem;
            public static toObject(m: tandem.v1.UpdateWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ILinkWorkItems {
            fromId?: (string|null);
            toId?: (string|null);
            kind?: (tandem.v1.LinkKind|null);
        }

        class LinkWorkItems implements ILinkWorkItems {
            constructor(p?: tandem.v1.ILinkWorkItems);
            public fromId: string;
            public toId: string;
            public kind: tandem.v1.LinkKind;
            public static create(properties?: tandem.v1.ILinkWorkItems): tandem.v1.LinkWorkItems;
            public static encode(m: tandem.v1.ILinkWorkItems, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ILinkWorkItems, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.LinkWorkItems;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.LinkWorkItems;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.LinkWorkItems;
            public static toObject(m: tandem.v1.LinkWorkItems, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUnlinkWorkItems {
            linkId?: (string|null);
        }

        class UnlinkWorkItems implements IUnlinkWorkItems {
            constructor(p?: tandem.v1.IUnlinkWorkItems);
            public linkId: string;
            public static create(properties?: tandem.v1.IUnlinkWorkItems): tandem.v1.UnlinkWorkItems;
            public static encode(m: tandem.v1.IUnlinkWorkItems, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUnlinkWorkItems, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.UnlinkWorkItems;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.UnlinkWorkItems;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.UnlinkWorkItems;
            public static toObject(m: tandem.v1.UnlinkWorkItems, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ILogWork {
            workItemId?: (string|null);
            startedAt?: (number|null);
            minutes?: (number|null);
            note?: (string|null);
            remainingEstimateMinutes?: (number|null);
        }

        class LogWork implements ILogWork {
            constructor(p?: tandem.v1.ILogWork);
            public workItemId: string;
            public startedAt: number;
            public minutes: number;
            public note: string;
            public remainingEstimateMinutes?: (number|null);
            public static create(properties?: tandem.v1.ILogWork): tandem.v1.LogWork;
            public static encode(m: tandem.v1.ILogWork, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ILogWork, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.LogWork;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.LogWork;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.LogWork;
            public static toObject(m: tandem.v1.LogWork, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEditWorkLog {
            workLogId?: (string|null);
            expectedVersion?: (number|null);
            startedAt?: (number|null);
            minutes?: (number|null);
            note?: (string|null);
        }

        class EditWorkLog implements IEditWorkLog {
            constructor(p?: tandem.v1.IEditWorkLog);
            public workLogId: string;
            public expectedVersion: number;
            public startedAt?: (number|null);
            public minutes?: (number|null);
            public note?: (string|null);
            public static create(properties?: tandem.v1.IEditWorkLog): tandem.v1.EditWorkLog;
            public static encode(m: tandem.v1.IEditWorkLog, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IEditWorkLog, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.EditWorkLog;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.EditWorkLog;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.EditWorkLog;
            public static toObject(m: tandem.v1.EditWorkLog, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDeleteWorkLog {
            workLogId?: (string|null);
        }

        class DeleteWorkLog implements IDeleteWorkLog {
            constructor(p?: tandem.v1.IDeleteWorkLog);
            public workLogId: string;
            public static create(properties?: tandem.v1.IDeleteWorkLog): tandem.v1.DeleteWorkLog;
            public static encode(m: tandem.v1.IDeleteWorkLog, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IDeleteWorkLog, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.DeleteWorkLog;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.DeleteWorkLog;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.DeleteWorkLog;
            public static toObject(m: tandem.v1.DeleteWorkLog, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISetSprintCapacity {
            sprintId?: (string|null);
            expectedVersion?: (number|null);
            members?: (tandem.v1.IMemberCapacity[]|null);
        }

        class SetSprintCapacity implements ISetSprintCapacity {
            constructor(p?: tandem.v1.ISetSprintCapacity);
            public sprintId: string;
            public expectedVersion: number;
            public members: tandem.v1.IMemberCapacity[];
            public static create(properties?: tandem.v1.ISetSprintCapacity): tandem.v1.SetSprintCapacity;
            public static encode(m: tandem.v1.ISetSprintCapacity, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISetSprintCapacity, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SetSprintCapacity;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SetSprintCapacity;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SetSprintCapacity;
            public static toObject(m: tandem.v1.SetSprintCapacity, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStartTimer {
            workItemId?: (string|null);
        }

        class StartTimer implements IStartTimer {
            constructor(p?: tandem.v1.IStartTimer);
            public workItemId: string;
            public static create(properties?: tandem.v1.IStartTimer): tandem.v1.StartTimer;
            public static encode(m: tandem.v1.IStartTimer, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IStartTimer, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.StartTimer;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.StartTimer;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.StartTimer;
            public static toObject(m: tandem.v1.StartTimer, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStopTimer {
            note?: (string|null);
            discard?: (boolean|null);
        }

        class StopTimer implements IStopTimer {
            constructor(p?: tandem.v1.IStopTimer);
            public note: string;
            public discard: boolean;
            public static create(properties?: tandem.v1.IStopTimer): tandem.v1.StopTimer;
            public static encode(m: tandem.v1.IStopTimer, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IStopTimer, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.StopTimer;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.StopTimer;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.StopTimer;
            public static toObject(m: tandem.v1.StopTimer, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IListNotifications {
            unreadOnly?: (boolean|null);
            limit?: (number|null);
        }

        class ListNotifications implements IListNotifications {
            constructor(p?: tandem.v1.IListNotifications);
            public unreadOnly: boolean;
            public limit: number;
            public static create(properties?: tandem.v1.IListNotifications): tandem.v1.ListNotifications;
            public static encode(m: tandem.v1.IListNotifications, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IListNotifications, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ListNotifications;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ListNotifications;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ListNotifications;
            public static toObject(m: tandem.v1.ListNotifications, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IMarkNotificationsRead {
            notificationIds?: (string[]|null);
            all?: (boolean|null);
        }

        class MarkNotificationsRead implements IMarkNotificationsRead {
            constructor(p?: tandem.v1.IMarkNotificationsRead);
            public notificationIds: string[];
            public all: boolean;
            public static create(properties?: tandem.v1.IMarkNotificationsRead): tandem.v1.MarkNotificationsRead;
            public static encode(m: tandem.v1.IMarkNotificationsRead, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IMarkNotificationsRead, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.MarkNotificationsRead;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.MarkNotificationsRead;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.MarkNotificationsRead;
            public static toObject(m: tandem.v1.MarkNotificationsRead, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWatchWorkItem {
            workItemId?: (string|null);
        }

        class WatchWorkItem implements IWatchWorkItem {
            constructor(p?: tandem.v1.IWatchWorkItem);
            public workItemId: string;
            public static create(properties?: tandem.v1.IWatchWorkItem): tandem.v1.WatchWorkItem;
            public static encode(m: tandem.v1.IWatchWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWatchWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WatchWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WatchWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WatchWorkItem;
            public static toObject(m: tandem.v1.WatchWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUnwatchWorkItem {
            workItemId?: (string|null);
        }

        class UnwatchWorkItem implements IUnwatchWorkItem {
            constructor(p?: tandem.v1.IUnwatchWorkItem);
            public workItemId: string;
            public static create(properties?: tandem.v1.IUnwatchWorkItem): tandem.v1.UnwatchWorkItem;
            public static encode(m: tandem.v1.IUnwatchWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUnwatchWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.UnwatchWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.UnwatchWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.UnwatchWorkItem;
            public static toObject(m: tandem.v1.UnwatchWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISetNotificationSettings {
            settings?: (tandem.v1.INotificationSettings|null);
        }

        class SetNotificationSettings implements ISetNotificationSettings {
            constructor(p?: tandem.v1.ISetNotificationSettings);
            public settings?: (tandem.v1.INotificationSettings|null);
            public static create(properties?: tandem.v1.ISetNotificationSettings): tandem.v1.SetNotificationSettings;
            public static encode(m: tandem.v1.ISetNotificationSettings, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISetNotificationSettings, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SetNotificationSettings;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SetNotificationSettings;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SetNotificationSettings;
            public static toObject(m: tandem.v1.SetNotificationSettings, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IMoveWorkItem {
            workItemId?: (string|null);
            expectedVersion?: (number|null);
            statusId?: (string|null);
            beforeId?: (string|null);
            afterId?: (string|null);
            sprintId?: (string|null);
        }

        class MoveWorkItem implements IMoveWorkItem {
            constructor(p?: tandem.v1.IMoveWorkItem);
            public workItemId: string;
            public expectedVersion: number;
            public statusId: string;
            public beforeId: string;
            public afterId: string;
            public sprintId?: (string|null);
            public static create(properties?: tandem.v1.IMoveWorkItem): tandem.v1.MoveWorkItem;
            public static encode(m: tandem.v1.IMoveWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IMoveWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.MoveWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.MoveWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.MoveWorkItem;
            public static toObject(m: tandem.v1.MoveWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDeleteWorkItem {
            workItemId?: (string|null);
            expectedVersion?: (number|null);
        }

        class DeleteWorkItem implements IDeleteWorkItem {
            constructor(p?: tandem.v1.IDeleteWorkItem);
            public workItemId: string;
            public expectedVersion: number;
            public static create(properties?: tandem.v1.IDeleteWorkItem): tandem.v1.DeleteWorkItem;
            public static encode(m: tandem.v1.IDeleteWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IDeleteWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.DeleteWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.DeleteWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.DeleteWorkItem;
            public static toObject(m: tandem.v1.DeleteWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRestoreWorkItem {
            workItemId?: (string|null);
        }

        class RestoreWorkItem implements IRestoreWorkItem {
            constructor(p?: tandem.v1.IRestoreWorkItem);
            public workItemId: string;
            public static create(properties?: tandem.v1.IRestoreWorkItem): tandem.v1.RestoreWorkItem;
            public static encode(m: tandem.v1.IRestoreWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IRestoreWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.RestoreWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.RestoreWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.RestoreWorkItem;
            public static toObject(m: tandem.v1.RestoreWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IClaimWorkItem {
            workItemId?: (string|null);
        }

        class ClaimWorkItem implements IClaimWorkItem {
            constructor(p?: tandem.v1.IClaimWorkItem);
            public workItemId: string;
            public static create(properties?: tandem.v1.IClaimWorkItem): tandem.v1.ClaimWorkItem;
            public static encode(m: tandem.v1.IClaimWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IClaimWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ClaimWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ClaimWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ClaimWorkItem;
            public static toObject(m: tandem.v1.ClaimWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAddComment {
            workItemId?: (string|null);
            body?: (string|null);
        }

        class AddComment implements IAddComment {
            constructor(p?: tandem.v1.IAddComment);
            public workItemId: string;
            public body: string;
            public static create(properties?: tandem.v1.IAddComment): tandem.v1.AddComment;
            public static encode(m: tandem.v1.IAddComment, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IAddComment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.AddComment;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.AddComment;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.AddComment;
            public static toObject(m: tandem.v1.AddComment, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEditComment {
            commentId?: (string|null);
            expectedVersion?: (number|null);
            body?: (string|null);
        }

        class EditComment implements IEditComment {
            constructor(p?: tandem.v1.IEditComment);
            public commentId: string;
            public expectedVersion: number;
            public body: string;
            public static create(properties?: tandem.v1.IEditComment): tandem.v1.EditComment;
            public static encode(m: tandem.v1.IEditComment, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IEditComment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.EditComment;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.EditComment;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.EditComment;
            public static toObject(m: tandem.v1.EditComment, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDeleteComment {
            commentId?: (string|null);
        }

        class DeleteComment implements IDeleteComment {
            constructor(p?: tandem.v1.IDeleteComment);
            public commentId: string;
            public static create(properties?: tandem.v1.IDeleteComment): tandem.v1.DeleteComment;
            public static encode(m: tandem.v1.IDeleteComment, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IDeleteComment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.DeleteComment;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.DeleteComment;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.DeleteComment;
            public static toObject(m: tandem.v1.DeleteComment, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICreateSprint {
            projectId?: (string|null);
            name?: (string|null);
            goal?: (string|null);
            startDate?: (string|null);
            endDate?: (string|null);
        }

        class CreateSprint implements ICreateSprint {
            constructor(p?: tandem.v1.ICreateSprint);
            public projectId: string;
            public name: string;
            public goal: string;
            public startDate: string;
            public endDate: string;
            public static create(properties?: tandem.v1.ICreateSprint): tandem.v1.CreateSprint;
            public static encode(m: tandem.v1.ICreateSprint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICreateSprint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CreateSprint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CreateSprint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CreateSprint;
            public static toObject(m: tandem.v1.CreateSprint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUpdateSprint {
            sprintId?: (string|null);
            expectedVersion?: (number|null);
            name?: (string|null);
            goal?: (string|null);
            startDate?: (string|null);
            endDate?: (string|null);
        }

        class UpdateSprint implements IUpdateSprint {
            constructor(p?: tandem.v1.IUpdateSprint);
            public sprintId: string;
            public expectedVersion: number;
            public name?: (string|null);
            public goal?: (string|null);
            public startDate?: (string|null);
            public endDate?: (string|null);
            public static create(properties?: tandem.v1.IUpdateSprint): tandem.v1.UpdateSprint;
            public static encode(m: tandem.v1.IUpdateSprint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUpdateSprint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.UpdateSprint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.UpdateSprint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.UpdateSprint;
            public static toObject(m: tandem.v1.UpdateSprint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStartSprint {
            sprintId?: (string|null);
        }

        class StartSprint implements IStartSprint {
            constructor(p?: tandem.v1.IStartSprint);
            public sprintId: string;
            public static create(properties?: tandem.v1.IStartSprint): tandem.v1.StartSprint;
            public static encode(m: tandem.v1.IStartSprint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IStartSprint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.StartSprint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.StartSprint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.StartSprint;
            public static toObject(m: tandem.v1.StartSprint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDeleteSprint {
            sprintId?: (string|null);
        }

        class DeleteSprint implements IDeleteSprint {
            constructor(p?: tandem.v1.IDeleteSprint);
            public sprintId: string;
            public static create(properties?: tandem.v1.IDeleteSprint): tandem.v1.DeleteSprint;
            public static encode(m: tandem.v1.IDeleteSprint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IDeleteSprint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.DeleteSprint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.DeleteSprint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.DeleteSprint;
            public static toObject(m: tandem.v1.DeleteSprint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICompleteSprint {
            sprintId?: (string|null);
            nextSprintId?: (string|null);
        }

        class CompleteSprint implements ICompleteSprint {
            constructor(p?: tandem.v1.ICompleteSprint);
            public sprintId: string;
            public nextSprintId: string;
            public static create(properties?: tandem.v1.ICompleteSprint): tandem.v1.CompleteSprint;
            public static encode(m: tandem.v1.ICompleteSprint, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICompleteSprint, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CompleteSprint;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CompleteSprint;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CompleteSprint;
            public static toObject(m: tandem.v1.CompleteSprint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUpdateProject {
            projectId?: (string|null);
            expectedVersion?: (number|null);
            name?: (string|null);
            description?: (string|null);
            key?: (string|null);
            pullMode?: (boolean|null);
        }

        class UpdateProject implements IUpdateProject {
            constructor(p?: tandem.v1.IUpdateProject);
            public projectId: string;
            public expectedVersion: number;
            public name?: (string|null);
            public description?: (string|null);
            public key?: (string|null);
            public pullMode?: (boolean|null);
            public static create(properties?: tandem.v1.IUpdateProject): tandem.v1.UpdateProject;
            public static encode(m: tandem.v1.IUpdateProject, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IUpdateProject, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.UpdateProject;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.UpdateProject;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.UpdateProject;
            public static toObject(m: tandem.v1.UpdateProject, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISetWorkflow {
            projectId?: (string|null);
            expectedVersion?: (number|null);
            statuses?: (tandem.v1.IWorkflowStatusSpec[]|null);
            removals?: (tandem.v1.IStatusRemoval[]|null);
        }

        class SetWorkflow implements ISetWorkflow {
            constructor(p?: tandem.v1.ISetWorkflow);
            public projectId: string;
            public expectedVersion: number;
            public statuses: tandem.v1.IWorkflowStatusSpec[];
            public removals: tandem.v1.IStatusRemoval[];
            public static create(properties?: tandem.v1.ISetWorkflow): tandem.v1.SetWorkflow;
            public static encode(m: tandem.v1.ISetWorkflow, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISetWorkflow, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SetWorkflow;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SetWorkflow;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SetWorkflow;
            public static toObject(m: tandem.v1.SetWorkflow, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkflowStatusSpec {
            id?: (string|null);
            name?: (string|null);
            category?: (tandem.v1.StatusCategory|null);
            wipLimit?: (number|null);
        }

        class WorkflowStatusSpec implements IWorkflowStatusSpec {
            constructor(p?: tandem.v1.IWorkflowStatusSpec);
            public id: string;
            public name: string;
            public category: tandem.v1.StatusCategory;
            public wipLimit: number;
            public static create(properties?: tandem.v1.IWorkflowStatusSpec): tandem.v1.WorkflowStatusSpec;
            public static encode(m: tandem.v1.IWorkflowStatusSpec, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkflowStatusSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkflowStatusSpec;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkflowStatusSpec;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkflowStatusSpec;
            public static toObject(m: tandem.v1.WorkflowStatusSpec, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStatusRemoval {
            statusId?: (string|null);
            moveToStatusId?: (string|null);
        }

        class StatusRemoval implements IStatusRemoval {
            constructor(p?: tandem.v1.IStatusRemoval);
            public statusId: string;
            public moveToStatusId: string;
            public static create(properties?: tandem.v1.IStatusRemoval): tandem.v1.StatusRemoval;
            public static encode(m: tandem.v1.IStatusRemoval, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IStatusRemoval, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.StatusRemoval;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.StatusRemoval;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.StatusRemoval;
            public static toObject(m: tandem.v1.StatusRemoval, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISetCustomFields {
            projectId?: (string|null);
            expectedVersion?: (number|null);
            fields?: (tandem.v1.ICustomFieldSpec[]|null);
        }

        class SetCustomFields implements ISetCustomFields {
            constructor(p?: tandem.v1.ISetCustomFields);
            public projectId: string;
            public expectedVersion: number;
            public fields: tandem.v1.ICustomFieldSpec[];
            public static create(properties?: tandem.v1.ISetCustomFields): tandem.v1.SetCustomFields;
            public static encode(m: tandem.v1.ISetCustomFields, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISetCustomFields, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SetCustomFields;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SetCustomFields;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SetCustomFields;
            public static toObject(m: tandem.v1.SetCustomFields, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICustomFieldSpec {
            id?: (string|null);
            name?: (string|null);
            kind?: (tandem.v1.CustomFieldKind|null);
            options?: (string[]|null);
            itemTypes?: (string[]|null);
            required?: (boolean|null);
        }

        class CustomFieldSpec implements ICustomFieldSpec {
            constructor(p?: tandem.v1.ICustomFieldSpec);
            public id: string;
            public name: string;
            public kind: tandem.v1.CustomFieldKind;
            public options: string[];
            public itemTypes: string[];
            public required: boolean;
            public static create(properties?: tandem.v1.ICustomFieldSpec): tandem.v1.CustomFieldSpec;
            public static encode(m: tandem.v1.ICustomFieldSpec, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICustomFieldSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CustomFieldSpec;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CustomFieldSpec;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CustomFieldSpec;
            public static toObject(m: tandem.v1.CustomFieldSpec, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISetItemTypes {
            projectId?: (string|null);
            expectedVersion?: (number|null);
            itemTypes?: (tandem.v1.ICustomItemTypeSpec[]|null);
        }

        class SetItemTypes implements ISetItemTypes {
            constructor(p?: tandem.v1.ISetItemTypes);
            public projectId: string;
            public expectedVersion: number;
            public itemTypes: tandem.v1.ICustomItemTypeSpec[];
            public static create(properties?: tandem.v1.ISetItemTypes): tandem.v1.SetItemTypes;
            public static encode(m: tandem.v1.ISetItemTypes, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISetItemTypes, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SetItemTypes;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SetItemTypes;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SetItemTypes;
            public static toObject(m: tandem.v1.SetItemTypes, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICustomItemTypeSpec {
            id?: (string|null);
            name?: (string|null);
            icon?: (string|null);
            colour?: (string|null);
            canBeParent?: (boolean|null);
        }

        class CustomItemTypeSpec implements ICustomItemTypeSpec {
            constructor(p?: tandem.v1.ICustomItemTypeSpec);
            public id: string;
            public name: string;
            public icon: string;
            public colour: string;
            public canBeParent: boolean;
            public static create(properties?: tandem.v1.ICustomItemTypeSpec): tandem.v1.CustomItemTypeSpec;
            public static encode(m: tandem.v1.ICustomItemTypeSpec, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICustomItemTypeSpec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CustomItemTypeSpec;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CustomItemTypeSpec;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CustomItemTypeSpec;
            public static toObject(m: tandem.v1.CustomItemTypeSpec, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReleaseWorkItem {
            workItemId?: (string|null);
        }

        class ReleaseWorkItem implements IReleaseWorkItem {
            constructor(p?: tandem.v1.IReleaseWorkItem);
            public workItemId: string;
            public static create(properties?: tandem.v1.IReleaseWorkItem): tandem.v1.ReleaseWorkItem;
            public static encode(m: tandem.v1.IReleaseWorkItem, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IReleaseWorkItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ReleaseWorkItem;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ReleaseWorkItem;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ReleaseWorkItem;
            public static toObject(m: tandem.v1.ReleaseWorkItem, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IArchiveProject {
            projectId?: (string|null);
            expectedVersion?: (number|null);
        }

        class ArchiveProject implements IArchiveProject {
            constructor(p?: tandem.v1.IArchiveProject);
            public projectId: string;
            public expectedVersion: number;
            public static create(properties?: tandem.v1.IArchiveProject): tandem.v1.ArchiveProject;
            public static encode(m: tandem.v1.IArchiveProject, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IArchiveProject, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ArchiveProject;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ArchiveProject;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ArchiveProject;
            public static toObject(m: tandem.v1.ArchiveProject, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRestoreProject {
            projectId?: (string|null);
            expectedVersion?: (number|null);
        }

        class RestoreProject implements IRestoreProject {
            constructor(p?: tandem.v1.IRestoreProject);
            public projectId: string;
            public expectedVersion: number;
            public static create(properties?: tandem.v1.IRestoreProject): tandem.v1.RestoreProject;
            public static encode(m: tandem.v1.IRestoreProject, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IRestoreProject, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.RestoreProject;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.RestoreProject;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.RestoreProject;
            public static toObject(m: tandem.v1.RestoreProject, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDeleteProject {
            projectId?: (string|null);
            expectedVersion?: (number|null);
            confirmKey?: (string|null);
        }

        class DeleteProject implements IDeleteProject {
            constructor(p?: tandem.v1.IDeleteProject);
            public projectId: string;
            public expectedVersion: number;
            public confirmKey: string;
            public static create(properties?: tandem.v1.IDeleteProject): tandem.v1.DeleteProject;
            public static encode(m: tandem.v1.IDeleteProject, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IDeleteProject, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.DeleteProject;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.DeleteProject;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.DeleteProject;
            public static toObject(m: tandem.v1.DeleteProject, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAddMember {
            projectId?: (string|null);
            userId?: (string|null);
            role?: (tandem.v1.Role|null);
        }

        class AddMember implements IAddMember {
            constructor(p?: tandem.v1.IAddMember);
            public projectId: string;
            public userId: string;
            public role: tandem.v1.Role;
            public static create(properties?: tandem.v1.IAddMember): tandem.v1.AddMember;
            public static encode(m: tandem.v1.IAddMember, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IAddMember, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.AddMember;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.AddMember;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.AddMember;
            public static toObject(m: tandem.v1.AddMember, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IChangeMemberRole {
            projectId?: (string|null);
            userId?: (string|null);
            role?: (tandem.v1.Role|null);
        }

        class ChangeMemberRole implements IChangeMemberRole {
            constructor(p?: tandem.v1.IChangeMemberRole);
            public projectId: string;
            public userId: string;
            public role: tandem.v1.Role;
            public static create(properties?: tandem.v1.IChangeMemberRole): tandem.v1.ChangeMemberRole;
            public static encode(m: tandem.v1.IChangeMemberRole, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IChangeMemberRole, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ChangeMemberRole;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ChangeMemberRole;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ChangeMemberRole;
            public static toObject(m: tandem.v1.ChangeMemberRole, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRemoveMember {
            projectId?: (string|null);
            userId?: (string|null);
        }

        class RemoveMember implements IRemoveMember {
            constructor(p?: tandem.v1.IRemoveMember);
            public projectId: string;
            public userId: string;
            public static create(properties?: tandem.v1.IRemoveMember): tandem.v1.RemoveMember;
            public static encode(m: tandem.v1.IRemoveMember, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IRemoveMember, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.RemoveMember;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.RemoveMember;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.RemoveMember;
            public static toObject(m: tandem.v1.RemoveMember, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISetPresence {
            projectId?: (string|null);
            viewingWorkItemId?: (string|null);
        }

        class SetPresence implements ISetPresence {
            constructor(p?: tandem.v1.ISetPresence);
            public projectId: string;
            public viewingWorkItemId: string;
            public static create(properties?: tandem.v1.ISetPresence): tandem.v1.SetPresence;
            public static encode(m: tandem.v1.ISetPresence, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISetPresence, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SetPresence;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SetPresence;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SetPresence;
            public static toObject(m: tandem.v1.SetPresence, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEvent {
            projectId?: (string|null);
            seq?: (number|null);
            actorId?: (string|null);
            occurredAtMs?: (number|null);
            workItem?: (tandem.v1.IWorkItemChanged|null);
            comment?: (tandem.v1.ICommentChanged|null);
            sprint?: (tandem.v1.ISprintChanged|null);
            member?: (tandem.v1.IMemberChanged|null);
            project?: (tandem.v1.IProjectChanged|null);
            presence?: (tandem.v1.IPresenceChanged|null);
            link?: (tandem.v1.ILinkChanged|null);
            workLog?: (tandem.v1.IWorkLogChanged|null);
            attachment?: (tandem.v1.IAttachmentChanged|null);
        }

        class Event implements IEvent {
            constructor(p?: tandem.v1.IEvent);
            public projectId: string;
            public seq: number;
            public actorId: string;
            public occurredAtMs: number;
            public workItem?: (tandem.v1.IWorkItemChanged|null);
            public comment?: (tandem.v1.ICommentChanged|null);
            public sprint?: (tandem.v1.ISprintChanged|null);
            public member?: (tandem.v1.IMemberChanged|null);
            public project?: (tandem.v1.IProjectChanged|null);
            public presence?: (tandem.v1.IPresenceChanged|null);
            public link?: (tandem.v1.ILinkChanged|null);
            public workLog?: (tandem.v1.IWorkLogChanged|null);
            public attachment?: (tandem.v1.IAttachmentChanged|null);
            public change?: ("workItem"|"comment"|"sprint"|"member"|"project"|"presence"|"link"|"workLog"|"attachment");
            public static create(properties?: tandem.v1.IEvent): tandem.v1.Event;
            public static encode(m: tandem.v1.IEvent, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IEvent, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Event;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Event;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Event;
            public static toObject(m: tandem.v1.Event, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkLogChanged {
            workLog?: (tandem.v1.IWorkLog|null);
        }

        class WorkLogChanged implements IWorkLogChanged {
            constructor(p?: tandem.v1.IWorkLogChanged);
            public workLog?: (tandem.v1.IWorkLog|null);
            public static create(properties?: tandem.v1.IWorkLogChanged): tandem.v1.WorkLogChanged;
            public static encode(m: tandem.v1.IWorkLogChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkLogChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkLogChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkLogChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkLogChanged;
            public static toObject(m: tandem.v1.WorkLogChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ILinkChanged {
            link?: (tandem.v1.IWorkItemLink|null);
            removed?: (boolean|null);
        }

        class LinkChanged implements ILinkChanged {
            constructor(p?: tandem.v1.ILinkChanged);
            public link?: (tandem.v1.IWorkItemLink|null);
            public removed: boolean;
            public static create(properties?: tandem.v1.ILinkChanged): tandem.v1.LinkChanged;
            public static encode(m: tandem.v1.ILinkChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ILinkChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.LinkChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.LinkChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.LinkChanged;
            public static toObject(m: tandem.v1.LinkChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkItemChanged {
            workItem?: (tandem.v1.IWorkItem|null);
            changedFields?: (string[]|null);
            partial?: (boolean|null);
        }

        class WorkItemChanged implements IWorkItemChanged {
            constructor(p?: tandem.v1.IWorkItemChanged);
            public workItem?: (tandem.v1.IWorkItem|null);
            public changedFields: string[];
            public partial: boolean;
            public static create(properties?: tandem.v1.IWorkItemChanged): tandem.v1.WorkItemChanged;
            public static encode(m: tandem.v1.IWorkItemChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IWorkItemChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.WorkItemChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.WorkItemChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.WorkItemChanged;
            public static toObject(m: tandem.v1.WorkItemChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICommentChanged {
            comment?: (tandem.v1.IComment|null);
        }

        class CommentChanged implements ICommentChanged {
            constructor(p?: tandem.v1.ICommentChanged);
            public comment?: (tandem.v1.IComment|null);
            public static create(properties?: tandem.v1.ICommentChanged): tandem.v1.CommentChanged;
            public static encode(m: tandem.v1.ICommentChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ICommentChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.CommentChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.CommentChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.CommentChanged;
            public static toObject(m: tandem.v1.CommentChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISprintChanged {
            sprint?: (tandem.v1.ISprint|null);
            changedFields?: (string[]|null);
        }

        class SprintChanged implements ISprintChanged {
            constructor(p?: tandem.v1.ISprintChanged);
            public sprint?: (tandem.v1.ISprint|null);
            public changedFields: string[];
            public static create(properties?: tandem.v1.ISprintChanged): tandem.v1.SprintChanged;
            public static encode(m: tandem.v1.ISprintChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.ISprintChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.SprintChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.SprintChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.SprintChanged;
            public static toObject(m: tandem.v1.SprintChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IMemberChanged {
            member?: (tandem.v1.IMember|null);
            removed?: (boolean|null);
        }

        class MemberChanged implements IMemberChanged {
            constructor(p?: tandem.v1.IMemberChanged);
            public member?: (tandem.v1.IMember|null);
            public removed: boolean;
            public static create(properties?: tandem.v1.IMemberChanged): tandem.v1.MemberChanged;
            public static encode(m: tandem.v1.IMemberChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IMemberChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.MemberChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.MemberChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.MemberChanged;
            public static toObject(m: tandem.v1.MemberChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProjectChanged {
            project?: (tandem.v1.IProject|null);
        }

        class ProjectChanged implements IProjectChanged {
            constructor(p?: tandem.v1.IProjectChanged);
            public project?: (tandem.v1.IProject|null);
            public static create(properties?: tandem.v1.IProjectChanged): tandem.v1.ProjectChanged;
            public static encode(m: tandem.v1.IProjectChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IProjectChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ProjectChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ProjectChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ProjectChanged;
            public static toObject(m: tandem.v1.ProjectChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPresenceChanged {
            userId?: (string|null);
            displayName?: (string|null);
            viewingWorkItemId?: (string|null);
            online?: (boolean|null);
            sessionId?: (string|null);
        }

        class PresenceChanged implements IPresenceChanged {
            constructor(p?: tandem.v1.IPresenceChanged);
            public userId: string;
            public displayName: string;
            public viewingWorkItemId: string;
            public online: boolean;
            public sessionId: string;
            public static create(properties?: tandem.v1.IPresenceChanged): tandem.v1.PresenceChanged;
            public static encode(m: tandem.v1.IPresenceChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IPresenceChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.PresenceChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.PresenceChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.PresenceChanged;
            public static toObject(m: tandem.v1.PresenceChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAttachment {
            id?: (string|null);
            workItemId?: (string|null);
            projectId?: (string|null);
            fileName?: (string|null);
            contentType?: (string|null);
            size?: (number|null);
            sha256?: (string|null);
            uploadedBy?: (string|null);
            uploadedAtMs?: (number|null);
            deletedAtMs?: (number|null);
        }

        class Attachment implements IAttachment {
            constructor(p?: tandem.v1.IAttachment);
            public id: string;
            public workItemId: string;
            public projectId: string;
            public fileName: string;
            public contentType: string;
            public size: number;
            public sha256: string;
            public uploadedBy: string;
            public uploadedAtMs: number;
            public deletedAtMs: number;
            public static create(properties?: tandem.v1.IAttachment): tandem.v1.Attachment;
            public static encode(m: tandem.v1.IAttachment, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IAttachment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.Attachment;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.Attachment;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.Attachment;
            public static toObject(m: tandem.v1.Attachment, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAttachmentList {
            attachments?: (tandem.v1.IAttachment[]|null);
        }

        class AttachmentList implements IAttachmentList {
            constructor(p?: tandem.v1.IAttachmentList);
            public attachments: tandem.v1.IAttachment[];
            public static create(properties?: tandem.v1.IAttachmentList): tandem.v1.AttachmentList;
            public static encode(m: tandem.v1.IAttachmentList, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IAttachmentList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.AttachmentList;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.AttachmentList;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.AttachmentList;
            public static toObject(m: tandem.v1.AttachmentList, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IAttachmentChanged {
            attachment?: (tandem.v1.IAttachment|null);
            removed?: (boolean|null);
        }

        class AttachmentChanged implements IAttachmentChanged {
            constructor(p?: tandem.v1.IAttachmentChanged);
            public attachment?: (tandem.v1.IAttachment|null);
            public removed: boolean;
            public static create(properties?: tandem.v1.IAttachmentChanged): tandem.v1.AttachmentChanged;
            public static encode(m: tandem.v1.IAttachmentChanged, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IAttachmentChanged, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.AttachmentChanged;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.AttachmentChanged;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.AttachmentChanged;
            public static toObject(m: tandem.v1.AttachmentChanged, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDeleteAttachment {
            attachmentId?: (string|null);
        }

        class DeleteAttachment implements IDeleteAttachment {
            constructor(p?: tandem.v1.IDeleteAttachment);
            public attachmentId: string;
            public static create(properties?: tandem.v1.IDeleteAttachment): tandem.v1.DeleteAttachment;
            public static encode(m: tandem.v1.IDeleteAttachment, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IDeleteAttachment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.DeleteAttachment;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.DeleteAttachment;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.DeleteAttachment;
            public static toObject(m: tandem.v1.DeleteAttachment, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IListAttachments {
            workItemId?: (string|null);
        }

        class ListAttachments implements IListAttachments {
            constructor(p?: tandem.v1.IListAttachments);
            public workItemId: string;
            public static create(properties?: tandem.v1.IListAttachments): tandem.v1.ListAttachments;
            public static encode(m: tandem.v1.IListAttachments, w?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: tandem.v1.IListAttachments, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tandem.v1.ListAttachments;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): tandem.v1.ListAttachments;
            public static verify(m: { [k: string]: any }): (string|null);
            public static fromObject(d: { [k: string]: any }): tandem.v1.ListAttachments;
            public static toObject(m: tandem.v1.ListAttachments, o?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
