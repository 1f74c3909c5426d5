namespace CampaignDesk.Api.OpenApi;

/// <summary>
/// The name of a request body's schema in the OpenAPI document, when it is not the type's: the name clients have known
/// since the body was bound to a Core record of that name (generated clients keep their types).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SchemaNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
