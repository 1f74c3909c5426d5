using System.Text.Json.Serialization;
using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDesk.Api.Hosting;

/// <summary>A problem whose texts come from the catalog (<see cref="Messages"/>): written in English, rewritten in the reader's language.</summary>
internal interface ICatalogProblem
{
    void WriteIn(Language language);
}

/// <summary>
/// A problem with a title and an optional detail from the catalog, and its stable code in the <c>code</c> extension (the
/// detail's code when there is one, else the title's).
/// </summary>
internal sealed class CatalogProblem : ProblemDetails, ICatalogProblem
{
    public CatalogProblem(int status, MessageTemplate title, Message? detail)
    {
        Status = status;
        TitleMessage = title;
        DetailMessage = detail;
        Extensions["code"] = detail?.Code ?? title.Code;
        WriteIn(Language.English);
    }

    [JsonIgnore]
    public MessageTemplate TitleMessage { get; }

    [JsonIgnore]
    public Message? DetailMessage { get; }

    public void WriteIn(Language language)
    {
        Title = TitleMessage.With().In(language);
        Detail = DetailMessage?.In(language);
    }
}

/// <summary>
/// A validation problem: <c>errors</c> gives each field's messages, <c>errorCodes</c> the same field's codes in the same
/// order, and <c>code</c> is <c>validation_failed</c> (or the title's code).
/// </summary>
internal sealed class CatalogValidationProblem : HttpValidationProblemDetails, ICatalogProblem
{
    public CatalogValidationProblem(IDictionary<string, Message[]> errors, int status = StatusCodes.Status400BadRequest, MessageTemplate? title = null)
    {
        Status = status;
        TitleMessage = title ?? Messages.BadRequest;
        FieldMessages = errors;
        Extensions["code"] = TitleMessage.Code;
        Extensions["errorCodes"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Code).ToArray(), StringComparer.Ordinal);
        WriteIn(Language.English);
    }

    [JsonIgnore]
    public MessageTemplate TitleMessage { get; }

    [JsonIgnore]
    public IDictionary<string, Message[]> FieldMessages { get; }

    public void WriteIn(Language language)
    {
        Title = TitleMessage.With().In(language);
        Errors = FieldMessages.ToDictionary(e => e.Key, e => e.Value.Select(m => m.In(language)).ToArray(), StringComparer.Ordinal);
    }
}
