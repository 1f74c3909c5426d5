namespace CampaignDesk.Core.Common;

public enum OutcomeStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,

    /// <summary>The caller's copy is not the current version (If-Match): nothing changed.</summary>
    Stale,
}

/// <summary>
/// The result of a service call that checks who asks: the value, or why not. <see cref="OutcomeStatus.NotFound"/>
/// also stands for "exists but is not yours to see", so existence never leaks; <see cref="OutcomeStatus.Forbidden"/>
/// is for what the caller can see but not change. Reasons are messages of the catalog (<see cref="Messages"/>), written
/// out in the caller's language by the API.
/// </summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IDictionary<string, Message[]>? Errors = null, Message? Detail = null)
{
    public bool IsOk => Status == OutcomeStatus.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value);

    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound, default);

    public static Outcome<T> Forbidden(Message detail) => new(OutcomeStatus.Forbidden, default, Detail: detail);

    public static Outcome<T> Invalid(Errors errors) => new(OutcomeStatus.Invalid, default, errors.ToDictionary());

    public static Outcome<T> Invalid(string field, MessageTemplate template, params object?[] args) => Invalid(field, template.With(args));

    public static Outcome<T> Invalid(string field, Message message)
    {
        var errors = new Errors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static Outcome<T> Conflict(Message detail) => new(OutcomeStatus.Conflict, default, Detail: detail);

    /// <param name="detail">Which resource changed and its version now (<see cref="Messages.TaskStale"/>…).</param>
    public static Outcome<T> Stale(Message detail) => new(OutcomeStatus.Stale, default, Detail: detail);

    /// <summary>The same failure for another value type.</summary>
    public Outcome<TOther> As<TOther>() => IsOk
        ? throw new InvalidOperationException("A successful outcome has a value of its own.")
        : new Outcome<TOther>(Status, default, Errors, Detail);
}
