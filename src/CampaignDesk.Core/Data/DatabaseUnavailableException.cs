namespace CampaignDesk.Core.Data;

/// <summary>The database cannot be used as configured; the message says why and what to do.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
