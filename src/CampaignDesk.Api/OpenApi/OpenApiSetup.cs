using CampaignDesk.Api.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CampaignDesk.Api.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>, and the <c>openapi</c> command), made to tell the truth.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Organisations"] = "The coalition's structures and federations, and the élus that matter to each.",
        ["Officials"] = "The officials directory: élus, their mandates, contacts and timeline.",
        ["Imports"] = "Imports of the official open data (RNE, Assemblée, Datan, Sénat), simulated first (admins).",
        ["Users"] = "Users, their roles and organisations, their API tokens and calendar address.",
        ["Audit"] = "Every write: who, when, before and after (admins).",
        ["Campaigns"] = "Campaigns, their targets, coverage, gaps and exports.",
        ["Interactions"] = "The outreach log: each contact with an official, and its export.",
        ["Tasks"] = "Volunteers' tasks, and their iCalendar feed.",
        ["Positions"] = "What officials said or did, with its source.",
        ["Follow-ups"] = "E-mail templates and the follow-ups sent from the organisations' mailboxes.",
        ["Replies"] = "Officials' answers read from the mailboxes, waiting for a stance.",
        ["Register"] = "The lobbying register (HATVP): what counts and why, the threshold, the annual declaration, responsiveness.",
        ["Web"] = "What the web pages need before sign-in.",
    };

    public static IServiceCollection AddCampaignDeskOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // A request record named as the Core record it replaced: the document's schema names do not change.
            options.CreateSchemaReferenceId = type => type.Type.GetCustomAttributes(typeof(SchemaNameAttribute), inherit: false)
                is [SchemaNameAttribute named] ? named.Name : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer(ClosedSets.TransformSchemaAsync);
            options.AddOperationTransformer(OperationTruth.TransformAsync);
            options.AddDocumentTransformer(TransformDocumentAsync);
        });

    private static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CampaignDesk API";
        document.Info.Description = "The outreach desk of an advocacy coalition: organisations, officials, campaigns, the outreach log, "
            + "tasks, follow-ups. Sign in with a personal token: Authorization: Bearer cdp_…";
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };

        // The address people reach: Web:PublicUrl, else the request's (after forwarded headers); relative without either.
        var publicUrl = context.ApplicationServices.GetRequiredService<PublicUrl>();
        var request = context.ApplicationServices.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        var server = publicUrl.Configured ?? (request is null ? "/" : publicUrl.For(request));
        document.Servers = [new OpenApiServer { Url = server, Description = "This installation" }];

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= Tags.GetValueOrDefault(tag.Name ?? "");
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A CampaignDesk personal token (cdp_ and 43 characters, from POST /api/users/{id}/tokens or the admin token file), "
                + "or a Microsoft Entra ID access token when Entra sign-in is configured: Authorization: Bearer cdp_…",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // A JSON document of its own (the audit's before and after) takes any value, null included: not oneOf null-or-any,
        // which a null matches twice and the generator's empty JsonElement schema reads wrongly.
        foreach (var schema in document.Components.Schemas.Values.OfType<OpenApiSchema>())
        {
            foreach (var (name, property) in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).ToList())
            {
                if (property is OpenApiSchema { OneOf: { } options } && options.Any(o => o is OpenApiSchemaReference { Reference.Id: "JsonElement" }))
                {
                    schema.Properties![name] = new OpenApiSchema { Description = "Any JSON value." };
                }
            }
        }

        document.Components.Schemas[OperationTruth.ProblemSchema] = Problem(validation: false);
        document.Components.Schemas[OperationTruth.ValidationProblemSchema] = Problem(validation: true);
        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 problem details as the API writes them; open to more members (extensions such as currentVersion or a machine code).</summary>
    private static OpenApiSchema Problem(bool validation)
    {
        var nullableString = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation ? "A problem that names each invalid field in errors." : "A problem (RFC 9457).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = nullableString,
                ["title"] = nullableString,
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["detail"] = nullableString,
                ["instance"] = nullableString,
            },
            AdditionalPropertiesAllowed = true,
        };
        if (validation)
        {
            // Each field's messages: strings today; objects (a message with its code) are accepted too.
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Object },
                },
            };
            schema.Required = new HashSet<string> { "errors" };
        }

        return schema;
    }
}
