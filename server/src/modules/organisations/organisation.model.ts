import { Schema, model, type InferSchemaType } from 'mongoose';

/** The tenant. Its own _id is the organisationId every tenant-owned document carries. */
const organisationSchema = new Schema(
  {
    name: { type: String, required: true },
    /** Analytics buckets days and weeks in this zone. */
    timeZone: { type: String, required: true, default: 'UTC' },
    defaultLanguage: { type: String, required: true, default: 'en' },
    senderName: { type: String, required: true },
    senderEmail: { type: String, default: null },
    /** Origins whose pages may show the website widget (validated by the shared schema). */
    widgetOrigins: { type: [String], default: [] },
  },
  { timestamps: true },
);

export type Organisation = InferSchemaType<typeof organisationSchema>;
export const OrganisationModel = model('Organisation', organisationSchema);
