import * as v from 'valibot'
import { chinaClock, chinaDay } from './benefits/time'

/**
 * WeChat subscribe messages (订阅消息): the app asks the person at the moment they act (submit a
 * join, an aid application, a transfer), and the cloud sends one message when something is decided.
 * The in-app notification record is always written; the push is extra and only in WeChat.
 *
 * Which template to use is the deploying union's choice in the WeChat console, and each template
 * names its fields its own way (thing1, phrase2, time3 …). So the configuration — JSON in the
 * `SUBSCRIBE_TEMPLATES` environment variable, read by the weapp build and by the cloud functions —
 * maps our field names to the template's keys:
 *   {"joinResult":{"id":"<template id>","keys":{"result":"phrase1","union":"thing2","note":"thing3","time":"time4"}}}
 * A topic without a template is simply not pushed.
 */
export const SUBSCRIBE_FIELDS = {
  joinResult: ['result', 'union', 'note', 'time'],
  transferResult: ['result', 'union', 'note', 'time'],
  aidProgress: ['step', 'note', 'time'],
  couponExpiry: ['offer', 'merchant', 'expires'],
  // The clerks' daily digest (#17 item 4): new, soon and overdue counts, how many wait in all.
  staffDigest: ['summary', 'total', 'time'],
} as const

export type SubscribeTopic = keyof typeof SUBSCRIBE_FIELDS
export type SubscribeFields<T extends SubscribeTopic> = Partial<Record<(typeof SUBSCRIBE_FIELDS)[T][number], string>>

export interface SubscribeTemplate {
  id: string
  keys: Record<string, string>
}
export type SubscribeTemplates = Partial<Record<SubscribeTopic, SubscribeTemplate>>

const TemplateKey = v.pipe(v.string(), v.regex(/^(thing|phrase|name|time|date|character_string|number|letter|symbol|amount|car_number|phone_number)\d+$/, 'unknown template key'))
const Template = v.object({ id: v.pipe(v.string(), v.minLength(1)), keys: v.record(v.string(), TemplateKey) })
const Config = v.record(v.picklist(Object.keys(SUBSCRIBE_FIELDS) as SubscribeTopic[]), Template)

/** Reads the configuration; an empty or missing one means no pushes. A malformed one throws, loudly. */
export function parseSubscribeTemplates(json: string | undefined): SubscribeTemplates {
  if (!json || !json.trim()) return {}
  const parsed = v.safeParse(Config, JSON.parse(json))
  if (!parsed.success) throw new Error(`SUBSCRIBE_TEMPLATES is malformed: ${parsed.issues[0].message}`)
  for (const [topic, template] of Object.entries(parsed.output) as Array<[SubscribeTopic, SubscribeTemplate]>) {
    const unknown = Object.keys(template.keys).find((field) => !(SUBSCRIBE_FIELDS[topic] as readonly string[]).includes(field))
    if (unknown) throw new Error(`SUBSCRIBE_TEMPLATES.${topic} maps an unknown field "${unknown}"`)
  }
  return parsed.output
}

/** WeChat's limits per key type (characters); longer values make the whole send fail. */
const LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10, character_string: 32, number: 32, letter: 32, symbol: 5, amount: 10, phone_number: 17, car_number: 8 }

function fit(key: string, value: string): string {
  const type = key.replace(/\d+$/, '')
  const limit = LIMITS[type]
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  if (!limit || chars.length <= limit) return chars.join('')
  return type === 'thing' ? `${chars.slice(0, limit - 1).join('')}…` : chars.slice(0, limit).join('')
}

/** The `data` of subscribeMessage.send: our fields under the template's keys, each within its limit. */
export function subscribeData(template: SubscribeTemplate, fields: Record<string, string | undefined>): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const [field, key] of Object.entries(template.keys)) {
    const value = fields[field]
    if (value) data[key] = { value: fit(key, value) }
  }
  return data
}

/** A time key's value: 2026-11-23 16:05 in China time, whatever zone the cloud runs in. */
export function subscribeTime(at: Date): string {
  return `${chinaDay(at)} ${chinaClock(at)}`
}
