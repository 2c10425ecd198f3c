export interface NotificationsTable {
  id: string;
  /** A user id, or `citizen:<receipt id>` for a report made without an account */
  recipient: string;
  case_id: string;
  case_no: string;
  /** The case action the message is about */
  about: string;
  text: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
}
