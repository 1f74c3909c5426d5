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
/// is for what the caller can see but not change.
/// </summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IDictionary<string, string[]>? Errors = null, string? Detail = null)
{
    public bool IsOk => Status == OutcomeStatus.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value);

    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound, default);

    public static Outcome<T> Forbidden(string detail) => new(OutcomeStatus.Forbidden, default, Detail: detail);

    public static Outcome<T> Invalid(Errors errors) => new(OutcomeStatus.Invalid, default, errors.ToDictionary());

    public static Outcome<T> Invalid(string field, string message)
    {
        var errors = new Errors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static Outcome<T> Conflict(string detail) => new(OutcomeStatus.Conflict, default, Detail: detail);

    public static Outcome<T> Stale(string what, int currentVersion) =>
        new(OutcomeStatus.Stale, default, Detail: $"The {what} was changed by someone else: it is now at version {currentVersion}. Read it again, then reapply your change.");

    /// <summary>The same failure for another value type.</summary>
    public Outcome<TOther> As<TOther>() => IsOk
        ? throw new InvalidOperationException("A successful outcome has a value of its own.")
        : new Outcome<TOther>(Status, default, Errors, Detail);
}
