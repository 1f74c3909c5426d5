namespace CampaignDesk.Core.Mail;

/// <summary>The provider refused the message for good (a bad address, a mailbox the application may not use): retrying is useless.</summary>
public sealed class MailRejectedException(string message, Exception? inner = null) : Exception(message, inner);
